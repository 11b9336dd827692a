using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Lapor.Host.Localization;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Open311;

/// <summary>
/// Writes GeoReport answers in the format the path asked for. JSON is the records in snake_case; XML is built from
/// that same JSON (a root element, one child per item, one element per field), so both formats always carry the same
/// fields.
/// </summary>
public static class Open311Reply
{
    public const string Json = "json";
    public const string Xml = "xml";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The formats GeoReport v2 defines; anything else is answered in JSON with an error.</summary>
    public static bool IsKnown(string? format) => format is Json or Xml;

    public static IResult List<T>(string format, string root, string item, IEnumerable<T> items, int status = StatusCodes.Status200OK)
    {
        var json = JsonSerializer.SerializeToElement(items, JsonOptions);
        return format == Xml
            ? XmlResult(new XElement(root, json.EnumerateArray().Select(e => ToXml(item, e))), status)
            : Results.Json(json, JsonOptions, "application/json; charset=utf-8", status);
    }

    public static IResult One<T>(string format, string root, T value)
    {
        var json = JsonSerializer.SerializeToElement(value, JsonOptions);
        return format == Xml ? XmlResult(ToXml(root, json), StatusCodes.Status200OK) : Results.Json(json, JsonOptions, "application/json; charset=utf-8");
    }

    /// <summary>The GeoReport error list. An unknown format gets JSON, the only thing left to answer in.</summary>
    public static IResult Errors(string? format, int status, params Open311Error[] errors) =>
        List(format == Xml ? Xml : Json, "errors", "error", errors, status);

    public static IResult Error(string? format, int status, string description) => Errors(format, status, new Open311Error(status, description));

    public static IResult UnknownFormat(IStringLocalizer<PortalText> text) =>
        Error(Json, StatusCodes.Status400BadRequest, $"format: {text["Api.Open311.FormatUnknown"]}");

    private static XElement ToXml(string name, JsonElement value) => value.ValueKind switch
    {
        // A list inside an item (a service's attributes) holds elements named after the list without its plural s.
        JsonValueKind.Object => new XElement(name, value.EnumerateObject().Select(p => ToXml(p.Name, p.Value))),
        JsonValueKind.Array => new XElement(name, value.EnumerateArray().Select(e => ToXml(name.TrimEnd('s'), e))),
        JsonValueKind.Null => new XElement(name),
        JsonValueKind.True => new XElement(name, "true"),
        JsonValueKind.False => new XElement(name, "false"),
        JsonValueKind.Number => new XElement(name, value.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
        _ => new XElement(name, value.GetString()),
    };

    private static IResult XmlResult(XElement root, int status)
    {
        using var buffer = new MemoryStream();
        // GeoReport asks for the declaration with encoding="UTF-8" before the root element.
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "text/xml; charset=utf-8", Encoding.UTF8, status);
    }
}
