namespace Lapor.Host.Api.Open311;

/// <summary>The answer to a filed request: its id (the tracking code) and what the reporter should know next.</summary>
public sealed record Open311Receipt(string ServiceRequestId, string ServiceNotice, string? AccountId);
