namespace Lapor.Host.Api.Open311;

/// <summary>
/// A public report as an Open311 service request. There is deliberately no field for the reporter: GeoReport has
/// none in its answers, and Lapor adds none, anonymous or not.
/// </summary>
public sealed record Open311Request(
    string ServiceRequestId,
    string Status,
    string? StatusNotes,
    string? ServiceName,
    string ServiceCode,
    string Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    string RequestedDatetime,
    string UpdatedDatetime,
    string? ExpectedDatetime,
    string? Address,
    string? AddressId,
    string? Zipcode,
    double? Lat,
    double? Long,
    string? MediaUrl);
