using Lapor.Domain.Reports;
using Lapor.Host.Api.Reports;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 under <c>/open311/v2</c>: report categories as services, public reports as service requests,
/// and filing a report for partner applications holding an API key. Every answer, errors included, is in the format
/// the path names (<c>.json</c> or <c>.xml</c>).
/// </summary>
public static class Open311Api
{
    public const string Root = "/open311";
    public const string Requests = Root + "/v2/requests";

    /// <summary>Far above the longest description and contact, far below harm (as for <c>/api/reports</c>).</summary>
    public const int MaxBodyBytes = SubmitReportBody.MaxBytes;

    public static bool Match(PathString path) => path.StartsWithSegments(Root);

    /// <summary>A filing (<c>POST /open311/v2/requests.json</c> or <c>.xml</c>): spends the anonymous submission budget.</summary>
    public static bool IsSubmission(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path
        && path.StartsWith(Requests + ".", StringComparison.OrdinalIgnoreCase) && !path.AsSpan(Requests.Length).Contains('/');

    public static IServiceCollection AddOpen311(this IServiceCollection services) =>
        services.AddSingleton<Open311Keys>().AddScoped<Open311Services>().AddScoped<Open311Requests>();

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root + "/v2").WithTags("Open311");
        group.MapGet("/services.{format}", ServicesAsync)
            .WithSummary("Jenis layanan (kategori laporan)").WithDescription("GeoReport v2 service list: one service per active report category.")
            .Produces<Open311Service[]>(StatusCodes.Status200OK, "application/json", "text/xml");
        group.MapGet("/services/{service_code}.{format}", ServiceAsync)
            .WithSummary("Definisi satu layanan").WithDescription("GeoReport v2 service definition; Lapor's services have no extra attributes.")
            .Produces<Open311ServiceDefinition>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound, "application/json", "text/xml");
        group.MapGet("/requests.{format}", RequestsAsync)
            .WithSummary("Laporan publik sebagai service request").WithDescription(
                "Public reports (never confidential ones, never reporter data), newest first, at most 1000, within 90 days " +
                "(the last 90 days by default). service_request_id overrides every other parameter.")
            .Produces<Open311Request[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest, "application/json", "text/xml");
        group.MapGet("/requests/{service_request_id}.{format}", RequestAsync)
            .WithSummary("Satu laporan publik").WithDescription("A public report by its tracking code; 404 for unknown and confidential ones alike.")
            .Produces<Open311Request[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status404NotFound, "application/json", "text/xml");
        group.MapPost("/requests.{format}", SubmitAsync).DisableAntiforgery()
            .WithSummary("Kirim laporan").WithDescription(
                "Files a complaint as a guest's report (form-encoded, api_key required). The answer's service_request_id is the tracking code.")
            .Accepts<Open311Submission>("application/x-www-form-urlencoded", "multipart/form-data")
            .Produces<Open311Receipt[]>(StatusCodes.Status200OK, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status400BadRequest, "application/json", "text/xml")
            .Produces<Open311Error[]>(StatusCodes.Status403Forbidden, "application/json", "text/xml");
        return app;
    }

    private static async Task<IResult> ServicesAsync(string format, Open311Services services, IStringLocalizer<PortalText> text, CancellationToken ct) =>
        !Open311Reply.IsKnown(format) ? Open311Reply.UnknownFormat(text)
            : Open311Reply.List(format, "services", "service", await services.ListAsync(ct));

    private static async Task<IResult> ServiceAsync([FromRoute(Name = "service_code")] string serviceCode, string format, Open311Services services,
        IStringLocalizer<PortalText> text, CancellationToken ct)
    {
        if (!Open311Reply.IsKnown(format))
            return Open311Reply.UnknownFormat(text);
        return await services.ExistsAsync(serviceCode.Trim().ToLowerInvariant(), ct)
            ? Open311Reply.One(format, "service_definition", new Open311ServiceDefinition(serviceCode.Trim().ToLowerInvariant(), []))
            : Open311Reply.Error(format, StatusCodes.Status404NotFound, $"service_code: {text["Api.Open311.ServiceNotFound", serviceCode]}");
    }

    private static async Task<IResult> RequestsAsync(string format, Open311Requests requests, TimeProvider clock,
        [FromQuery(Name = "service_request_id")] string? ids, [FromQuery(Name = "service_code")] string? serviceCodes,
        [FromQuery(Name = "status")] string? statuses, [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate, IStringLocalizer<PortalText> text, CancellationToken ct)
    {
        if (!Open311Reply.IsKnown(format))
            return Open311Reply.UnknownFormat(text);
        var (filter, errors) = Open311RequestFilter.Parse(ids, serviceCodes, statuses, startDate, endDate, clock.GetUtcNow(), text);
        if (filter is null)
            return Open311Reply.Errors(format, StatusCodes.Status400BadRequest, [.. errors]);
        return Open311Reply.List(format, "service_requests", "request", await requests.FindAsync(filter, ct));
    }

    private static async Task<IResult> RequestAsync([FromRoute(Name = "service_request_id")] string id, string format, Open311Requests requests,
        IStringLocalizer<PortalText> text, CancellationToken ct)
    {
        if (!Open311Reply.IsKnown(format))
            return Open311Reply.UnknownFormat(text);
        var (filter, _) = Open311RequestFilter.Parse(id, null, null, null, null, DateTimeOffset.UnixEpoch, text);
        var found = filter is null ? [] : await requests.FindAsync(filter, ct);
        return found.Count > 0
            ? Open311Reply.List(format, "service_requests", "request", found.Take(1))
            : Open311Reply.Error(format, StatusCodes.Status404NotFound, $"service_request_id: {text["Api.Open311.RequestNotFound", id]}");
    }

    private static async Task<IResult> SubmitAsync(string format, HttpContext http, Open311Keys keys, Open311Services services, ReportIntake intake,
        TimeProvider clock, IStringLocalizer<PortalText> text, CancellationToken ct)
    {
        if (!Open311Reply.IsKnown(format))
            return Open311Reply.UnknownFormat(text);
        if (await ReadFormAsync(http, ct) is not { } form)
            return Open311Reply.Error(format, StatusCodes.Status400BadRequest,
                text["Api.Open311.BodyInvalid", MaxBodyBytes / 1024]);
        var submission = Open311Submission.From(form);
        if (!keys.Accepts(submission.ApiKey))
            return Open311Reply.Error(format, StatusCodes.Status403Forbidden, text["Api.Open311.KeyInvalid"]);

        var (draft, errors) = submission.ToDraft(text);
        var guest = Reporter.Guest(submission.FullName, submission.Email, submission.Phone);
        // Every mistake at once, as /api/reports does: the contact's and the report's own.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        errors.AddRange(Open311Submission.Translate(guest.Errors.Concat(draft.Validate(today)), text));
        // The intake checks the catalogue too, but only once the rest is right; a client should hear everything at once.
        if (!string.IsNullOrWhiteSpace(submission.ServiceCode) && !await services.ExistsAsync(submission.ServiceCode.Trim().ToLowerInvariant(), ct))
            errors.Add(Open311Submission.Bad("service_code", text["Api.Open311.UnknownService"]));
        if (errors.Count > 0 || guest.Value is not { } reporter)
            return Open311Reply.Errors(format, StatusCodes.Status400BadRequest, [.. errors.DistinctBy(e => e.Description)]);

        var result = await intake.SubmitAsync(draft, reporter, [], ct);
        if (result.Report is not { } report)
            return Open311Reply.Errors(format, StatusCodes.Status400BadRequest, [.. Open311Submission.Translate(result.Errors, text)]);
        var notice = text["Api.Open311.Receipt"].Value;
        return Open311Reply.List(format, "service_requests", "request", [new Open311Receipt(report.TrackingCode.ToString(), notice, null)]);
    }

    /// <summary>The form, or null when the body is no form or too large; never an exception page.</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || http.Request.ContentLength > MaxBodyBytes)
            return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            return await http.Request.ReadFormAsync(new FormOptions { ValueLengthLimit = MaxBodyBytes, MultipartBodyLengthLimit = MaxBodyBytes }, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }
}
