using Lapor.Domain.Reports;
using Lapor.Host.Api.Reports;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lapor.Fuzz.Targets;

/// <summary>
/// The body of <c>POST /api/reports</c> as the endpoint reads it: bound by <see cref="SubmitReportBody"/>, then the
/// guest contact and the draft validated. Every input must end as an outcome (accepted, or refused naming a field);
/// an exception escaping would be a 500 for the citizen, so it is a finding.
/// </summary>
public static class ReportJsonTarget
{
    public const string Name = "report-json";

    private static readonly DateOnly Today = new(2026, 1, 15);

    // The portal's real texts (Resources/Localization/PortalText*.resx), so the format strings are exercised too.
    private static readonly IStringLocalizer<PortalText> Text = new StringLocalizer<PortalText>(
        new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    public static void Run(Stream input)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentType = "application/json";
        http.Request.Body = input;
        // Alternate the two portal languages on the first byte, so both resource sets are reached.
        var culture = input.CanSeek && input.Length > 0 && input.ReadByte() % 2 == 0 ? "en" : "id";
        if (input.CanSeek)
            input.Position = 0;

        using var language = PortalCultures.Use(culture);
        var outcome = SubmitReportBody.ReadAsync(http.Request, CancellationToken.None).GetAwaiter().GetResult();
        if (outcome.Request is not { } request)
        {
            if (outcome.Error is null)
                throw new InvalidOperationException($"Refused with status {outcome.Status} but no field error.");
            _ = Text.Message(outcome.Error);
            return;
        }
        var contact = request.Reporter;
        var errors = Reporter.Guest(contact?.Name, contact?.Email, contact?.Phone).Errors.Concat(request.ToDraft().Validate(Today));
        // Written as the API would answer, so every refusal's format string meets its arguments.
        foreach (var error in errors)
            _ = Text.Message(error);
    }
}
