namespace Lapor.Host.SimilarReports;

/// <summary>
/// One suggestion: only what the public report page shows anyway (never the reporter), and where to follow it.
/// </summary>
/// <param name="Stage">The stage in the reader's language.</param>
/// <param name="Url">The public page of the report, where a citizen can follow it.</param>
public sealed record SimilarReport(string TrackingCode, string Title, string CategoryCode, string Stage, DateTimeOffset SubmittedAt, string Url);
