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
/// (Indonesian by default, English on request; <see cref="ApiLanguageProvider"/>).
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
        var body = await SubmitReportBody.ReadAsync(http.Request, ct);
        if (body.Request is not { } request)
            return Problem([body.Error! with { Field = body.Error!.Field.Length == 0 ? "body" : body.Error.Field }], text, body.Status);
        Reporter reporter;
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
        {
            reporter = Reporter.Account(user.Id, user.DisplayName ?? user.UserName ?? user.Id);
        }
        else
        {
            var guest = Reporter.Guest(request.Reporter?.Name, request.Reporter?.Email, request.Reporter?.Phone);
            if (guest.Value is null)
            {
                // Report every mistake at once: the contact's and the report's own.
                var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
                var all = guest.Errors.Select(e => e with { Field = "Reporter." + e.Field }).Concat(request.ToDraft().Validate(today)).ToList();
                return Problem(all, text);
            }
            reporter = guest.Value;
        }
        var result = await intake.SubmitAsync(request.ToDraft(), reporter, [], ct);
        if (result.Report is not { } report)
            return Problem(result.Errors, text);
        var code = report.TrackingCode.ToString();
        return Results.Created($"/api/reports/track/{code}", new { trackingCode = code, stage = report.Stage, track = $"/api/reports/track/{code}" });
    }

    private static async Task<IResult> ListAsync(ReportQueries queries, string? q, ReportType? type, string? category,
        string? agency, string? stage, DateOnly? from, DateOnly? to, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
        Results.Ok(await queries.PublicListAsync(new ReportFilter(q, type, category, agency, stage, from, to, page, pageSize), ct));

    private static async Task<IResult> PublicAsync(string code, ReportQueries queries, IStringLocalizer<PortalText> text, CancellationToken ct) =>
        await queries.PublicAsync(code, ct) is { } report ? Results.Ok(report) : NotFound(text);

    private static async Task<IResult> TrackAsync(string code, ReportQueries queries, IStringLocalizer<PortalText> text, CancellationToken ct) =>
        await queries.TrackAsync(code, ct) is { } report ? Results.Ok(report) : NotFound(text);

    private static IResult NotFound(IStringLocalizer<PortalText> text) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: text["Api.ReportNotFound"]);

    /// <summary>Validation problem details: the errors per camel-cased field, written in the caller's language.</summary>
    public static IResult Problem(IReadOnlyList<FieldError> errors, IStringLocalizer<PortalText> text, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(
            errors.GroupBy(e => Camel(e.Field)).ToDictionary(g => g.Key, g => g.Select(text.Message).ToArray()),
            title: text["Api.ReportRefused"], statusCode: status);

    private static string Camel(string field) =>
        string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
