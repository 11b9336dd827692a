using System.Globalization;
using System.Text.Json.Serialization;
using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Open311;

/// <summary>
/// The form of <c>POST requests.{format}</c> (GeoReport's field names). It becomes a guest's complaint: Open311 has no
/// title, so the first line of the description is one; the reporter's name and contact go where a portal guest's go,
/// and none of them is ever part of an Open311 answer.
/// </summary>
public sealed record Open311Submission(
    [property: JsonPropertyName("api_key")] string? ApiKey,
    [property: JsonPropertyName("service_code")] string? ServiceCode,
    [property: JsonPropertyName("lat")] string? Lat,
    [property: JsonPropertyName("long")] string? Long,
    [property: JsonPropertyName("address_string")] string? AddressString,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("media_url")] string? MediaUrl)
{
    /// <summary>Long enough to say what the report is about, short enough for the title column.</summary>
    public const int TitleLength = 100;

    // The domain names its fields after the report; the client knows them by GeoReport's names.
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(ReportDraft.Title)] = "description",
        [nameof(ReportDraft.Description)] = "description",
        [nameof(ReportDraft.Location)] = "address_string",
        [nameof(ReportDraft.Latitude)] = "lat",
        [nameof(ReportDraft.Longitude)] = "long",
        [nameof(ReportDraft.CategoryCode)] = "service_code",
        [nameof(Reporter.Name)] = "first_name",
        [nameof(Reporter.Email)] = "email",
        [nameof(Reporter.Phone)] = "phone",
        ["Contact"] = "email",
    };

    public static Open311Submission From(IFormCollection form) => new(
        Value(form, "api_key"), Value(form, "service_code"), Value(form, "lat"), Value(form, "long"), Value(form, "address_string"),
        Value(form, "description"), Value(form, "email"), Value(form, "first_name"), Value(form, "last_name"), Value(form, "phone"),
        Value(form, "media_url"));

    /// <summary>The draft, or what is wrong with it; the catalogue is checked later by the intake.</summary>
    public (ReportDraft Draft, List<Open311Error> Errors) ToDraft(IStringLocalizer<PortalText> text)
    {
        var errors = new List<Open311Error>();
        var lat = Coordinate(Lat, "lat", text, errors);
        var lng = Coordinate(Long, "long", text, errors);
        if (string.IsNullOrWhiteSpace(Lat) && string.IsNullOrWhiteSpace(Long) && string.IsNullOrWhiteSpace(AddressString))
            errors.Add(Bad("lat", text["Api.Open311.LocationMissing"]));
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint,
            Title = TitleOf(Description),
            Description = Description,
            Location = AddressString,
            Latitude = lat,
            Longitude = lng,
            CategoryCode = ServiceCode,
            // A partner app's users never saw Lapor's notice that a name is published: their name stays off the public
            // page (the Inspektorat still has it to reach them), as for an anonymous report from the portal.
            IsAnonymous = true,
            IsConfidential = false,
        };
        return (draft, errors);
    }

    public string? FullName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())) is { Length: > 0 } name ? name : null;

    /// <summary>Domain errors under GeoReport's names; the description's own error stands for the title made from it.</summary>
    public static List<Open311Error> Translate(IEnumerable<FieldError> errors, IStringLocalizer<PortalText> text) =>
        errors.OrderBy(e => e.Field == nameof(ReportDraft.Title)).Select(e => (Field: FieldNames.GetValueOrDefault(e.Field, e.Field.ToLowerInvariant()), Message: text.Message(e)))
            .DistinctBy(e => e.Field)
            .Select(e => Bad(e.Field, e.Message)).ToList();

    public static Open311Error Bad(string field, string message) => new(StatusCodes.Status400BadRequest, $"{field}: {message}");

    private static string? TitleOf(string? description)
    {
        var line = description?.Trim().Split('\n', 2)[0].Trim();
        if (string.IsNullOrEmpty(line) || line.Length <= TitleLength)
            return line;
        var cut = line[..TitleLength];
        var space = cut.LastIndexOf(' ');
        return (space > TitleLength / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }

    private static double? Coordinate(string? value, string field, IStringLocalizer<PortalText> text, List<Open311Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number;
        errors.Add(Bad(field, text["Api.Open311.NotADecimal"]));
        return null;
    }

    private static string? Value(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
}
