namespace Lapor.Host.Api.Open311;

/// <summary>One entry of <c>services.{format}</c>: a report category as an Open311 service type.</summary>
public sealed record Open311Service(
    string ServiceCode,
    string ServiceName,
    string Description,
    bool Metadata,
    string Type,
    string Keywords,
    string Group);
