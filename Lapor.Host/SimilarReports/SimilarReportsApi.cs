using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// <c>GET /api/reports/similar</c>: the submit page's suggestions while a citizen types a title (decision 022). Public
/// and read-only, budgeted per address like tracking (<see cref="Hardening.RateLimitSetup"/>).
/// </summary>
public static class SimilarReportsApi
{
    public const string Path = "/api/reports/similar";

    public static IEndpointRouteBuilder MapSimilarReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, FindAsync).WithTags("Reports")
            .WithSummary("Laporan serupa")
            .WithDescription(
                "Up to 5 open, public reports whose title, description or location share words with `title` (at least 4 characters; " +
                "shorter gives an empty list), best match first, in `category` when given and within about 1 km of `lat`/`lon` when both " +
                "are given. Never a confidential or closed report, nor one already joined to another as a duplicate. Each item links to " +
                "the report's public page, where it can be followed.")
            .Produces<SimilarReportsAnswer>().ProducesValidationProblem();
        return app;
    }

    private static async Task<IResult> FindAsync(SimilarReportFinder finder, IStringLocalizer<PortalText> text, string? title, string? category, double? lat, double? lon,
        CancellationToken ct)
    {
        if (title is { Length: > ReportDraft.TitleMaxLength })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["title"] = [text.Message(ReportMessages.ForField(nameof(ReportDraft.Title), ReportMessages.TooLong, ReportDraft.TitleMaxLength))],
            });
        }
        return Results.Ok(new SimilarReportsAnswer(await finder.ForTitleAsync(title, category, lat, lon, ct)));
    }
}

/// <summary>The suggestions, best first.</summary>
public sealed record SimilarReportsAnswer(IReadOnlyList<SimilarReport> Items);
