namespace Lapor.Host.Api.Open311;

/// <summary>One entry of the GeoReport error list; <see cref="Code"/> is the HTTP status it came with.</summary>
public sealed record Open311Error(int Code, string Description);
