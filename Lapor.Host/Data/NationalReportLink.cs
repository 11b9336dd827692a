namespace Lapor.Host.Data;

/// <summary>
/// A report that came from the national system, under the national system's id. The id is the table's key, so the
/// same national report can be stored once only, even when two deliveries of it race (docs/national-connector.md).
/// </summary>
public sealed class NationalReportLink
{
    public const int NationalIdMaxLength = 64;

    public required string NationalId { get; init; }

    public required Guid ReportId { get; init; }

    public DateTime ReceivedAt { get; init; }
}
