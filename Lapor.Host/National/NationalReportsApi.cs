using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Domain.Reports;
using Lapor.Host.Api.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.National;

/// <summary>
/// <c>POST /api/national/reports</c>: the national system hands a report to the province (docs/national-connector.md).
/// The signature is checked before the body is parsed; the national id makes receipt exactly-once, also when two
/// deliveries race (the link table's key decides, and the loser answers with the winner's tracking code).
/// </summary>
public static class NationalReportsApi
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        MaxDepth = 8,
    };

    public static IEndpointRouteBuilder MapNationalApi(this IEndpointRouteBuilder app)
    {
        // The body is read raw (the signature covers its exact bytes); Accepts describes it for the OpenAPI document.
        app.MapGroup("/api/national").WithTags("National").MapPost("/reports", ReceiveAsync).DisableAntiforgery()
            .WithSummary("Receive a report forwarded by the national SP4N-LAPOR system (signed, exactly once per nationalId)")
            .Accepts<NationalReportRequest>("application/json")
            .Produces(StatusCodes.Status201Created).Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, NationalSettings settings, ReportIntake intake, LaporDb db, TimeProvider clock,
        IStringLocalizer<PortalText> text, ILoggerFactory logs, CancellationToken ct)
    {
        IResult Refuse(int status, string key) => Results.Problem(statusCode: status, title: text[key]);
        if (!settings.InboundEnabled)
            return Refuse(StatusCodes.Status404NotFound, "Api.National.Off");

        var body = await ReadAsync(http.Request, ct);
        if (body is null)
            return Refuse(StatusCodes.Status413PayloadTooLarge, "Api.National.TooLarge");
        var log = logs.CreateLogger(typeof(NationalReportsApi));
        var headers = http.Request.Headers;
        if (!NationalSignature.TryParseTimestamp(headers[NationalSignature.TimestampHeader], out var timestamp)
            || string.IsNullOrEmpty(headers[NationalSignature.SignatureHeader]))
        {
            log.LogWarning("National report refused: unsigned request from {Address}", http.Connection.RemoteIpAddress);
            return Refuse(StatusCodes.Status401Unauthorized, "Api.National.Unsigned");
        }
        if (!NationalSignature.Verify(settings.Secret, timestamp, body, headers[NationalSignature.SignatureHeader]))
        {
            log.LogWarning("National report refused: wrong signature from {Address}", http.Connection.RemoteIpAddress);
            return Refuse(StatusCodes.Status401Unauthorized, "Api.National.BadSignature");
        }
        if (Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > NationalSignature.ReplayWindow.TotalSeconds)
        {
            log.LogWarning("National report refused: timestamp {Timestamp} outside the replay window, from {Address}", timestamp, http.Connection.RemoteIpAddress);
            return Refuse(StatusCodes.Status401Unauthorized, "Api.National.Stale");
        }

        NationalReportRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<NationalReportRequest>(body, Json);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Invalid([new FieldError(field, field == "body" ? "Api.BodyNotJson" : "Api.FieldInvalid")], text);
        }
        if (request is null)
            return Invalid([new FieldError("body", "Api.BodyEmpty")], text);
        if (!NationalReportRequest.IsWellFormedNationalId(request.NationalId))
            return Invalid([new FieldError("nationalId", "Api.National.IdInvalid")], text);
        var nationalId = request.NationalId!;

        if (await TrackingCodeOfAsync(db, nationalId, ct) is { } known)
            return Results.Ok(Receipt(known, nationalId));

        var guest = Reporter.Guest(request.Reporter?.Name, request.Reporter?.Email, request.Reporter?.Phone);
        if (guest.Value is not { } reporter)
        {
            // Every mistake at once: the contact's and the report's own.
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
            return Invalid(guest.Errors.Select(e => e with { Field = "Reporter." + e.Field }).Concat(request.ToDraft().Validate(today)).ToList(), text);
        }

        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(request.ToDraft(), reporter, [], ct,
                alongside: report => db.NationalReportLinks.Add(new NationalReportLink
                {
                    NationalId = nationalId, ReportId = report.Id, ReceivedAt = clock.GetUtcNow().UtcDateTime,
                }));
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same national report won the key; nothing of ours was committed.
            if (await TrackingCodeOfAsync(db, nationalId, CancellationToken.None) is not { } winner)
                throw;
            log.LogInformation("National report {NationalId} arrived twice at once; answered with {Code}", nationalId, winner);
            return Results.Ok(Receipt(winner, nationalId));
        }
        if (result.Report is not { } stored)
            return Invalid(result.Errors, text);
        var code = stored.TrackingCode.ToString();
        log.LogInformation("National report {NationalId} stored as {Code}", nationalId, code);
        return Results.Created($"/api/reports/track/{code}", Receipt(code, nationalId));
    }

    private static object Receipt(string code, string nationalId) => new { trackingCode = code, nationalId, track = $"/api/reports/track/{code}" };

    private static async Task<string?> TrackingCodeOfAsync(LaporDb db, string nationalId, CancellationToken ct) =>
        await (from link in db.NationalReportLinks.AsNoTracking()
               join report in db.Reports.AsNoTracking() on link.ReportId equals report.Id
               where link.NationalId == nationalId
               select report.TrackingCode).FirstOrDefaultAsync(ct) is { } code && code != default ? code.ToString() : null;

    /// <summary>The body as bytes, exactly as signed; null when it is larger than <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult Invalid(IReadOnlyList<FieldError> errors, IStringLocalizer<PortalText> text) =>
        Results.ValidationProblem(
            errors.GroupBy(e => NationalReportRequest.FieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(text.Message).ToArray()),
            title: text["Api.ReportRefused"]);
}
