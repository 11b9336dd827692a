using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Reports;

/// <summary>
/// The citizen-facing JSON API under <c>/api/reports</c>: submit (validation errors per field as problem details),
/// public list and page (never confidential reports), and tracking by code. Messages follow Accept-Language
/// (Indonesian by default, English on request).
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapPost("", SubmitAsync).DisableAntiforgery()
            .WithSummary("Kirim laporan").WithDescription("Files a report; a guest gives reporter contact. Errors per field as validation problem details.")
            .Accepts<SubmitReportRequest>("application/json")
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("", ListAsync)
            .WithSummary("Daftar laporan publik").WithDescription("Public reports, never confidential ones; reporters by public name only.")
            .Produces<ReportPage<ReportSummary>>();
        group.MapGet("/{code}", PublicAsync)
            .WithSummary("Satu laporan publik").Produces<PublicReport>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/track/{code}", TrackAsync)
            .WithSummary("Lacak laporan dengan kode").WithDescription("The reporter's own view by tracking code, confidential reports included.")
            .Produces<PublicReport>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, ReportIntake intake, UserManager<LaporUser> users, TimeProvider clock, IStringLocalizer<PortalText> text, CancellationToken ct)
    {
        var culture = Culture(http);
        var body = await SubmitReportBody.ReadAsync(http.Request, culture, text, ct);
        if (body.Request is not { } request)
            return Problem([body.Error! with { Field = body.Error!.Field.Length == 0 ? "body" : body.Error.Field }], culture, text, body.Status);
        Reporter reporter;
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
        {
            reporter = Reporter.Account(user.Id, user.DisplayName ?? user.UserName ?? user.Id);
        }
        else
        {
            var guest = Reporter.Guest(request.Reporter?.Name, request.Reporter?.Email, request.Reporter?.Phone, culture);
            if (guest.Value is null)
            {
                // Report every mistake at once: the contact's and the report's own.
                var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
                var all = guest.Errors.Select(e => e with { Field = "Reporter." + e.Field }).Concat(request.ToDraft().Validate(today, culture)).ToList();
                return Problem(all, culture, text);
            }
            reporter = guest.Value;
        }
        var result = await intake.SubmitAsync(request.ToDraft(), reporter, [], culture, ct);
        if (result.Report is not { } report)
            return Problem(result.Errors, culture, text);
        var code = report.TrackingCode.ToString();
        return Results.Created($"/api/reports/track/{code}", new { trackingCode = code, stage = report.Stage, track = $"/api/reports/track/{code}" });
    }

    private static async Task<IResult> ListAsync(HttpContext http, ReportQueries queries, string? q, ReportType? type, string? category,
        string? agency, string? stage, DateOnly? from, DateOnly? to, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        Results.Ok(await queries.PublicListAsync(new ReportFilter(q, type, category, agency, stage, from, to, page, pageSize), Culture(http), ct));

    private static async Task<IResult> PublicAsync(string code, HttpContext http, ReportQueries queries, IStringLocalizer<PortalText> text, CancellationToken ct) =>
        await queries.PublicAsync(code, Culture(http), ct) is { } report ? Results.Ok(report) : NotFound(Culture(http), text);

    private static async Task<IResult> TrackAsync(string code, HttpContext http, ReportQueries queries, IStringLocalizer<PortalText> text, CancellationToken ct) =>
        await queries.TrackAsync(code, Culture(http), ct) is { } report ? Results.Ok(report) : NotFound(Culture(http), text);

    private static IResult NotFound(string culture, IStringLocalizer<PortalText> text) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: CultureText.Get(text, "Api.ReportNotFound", culture));

    private static IResult Problem(IReadOnlyList<FieldError> errors, string culture, IStringLocalizer<PortalText> text, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(
            errors.GroupBy(e => Camel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: CultureText.Get(text, "Api.ReportRefused", culture), statusCode: status);

    private static string Camel(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    /// <summary>Indonesian unless the caller prefers English.</summary>
    public static string Culture(HttpContext http)
    {
        var requested = http.Request.Headers.AcceptLanguage.ToString();
        var first = requested.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(';')[0].Trim()).FirstOrDefault() ?? "";
        return first.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : ReportMessages.DefaultCulture;
    }
}
