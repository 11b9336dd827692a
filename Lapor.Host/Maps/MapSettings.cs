using System.Globalization;

namespace Lapor.Host.Maps;

/// <summary>
/// <c>Lapor:Map</c>: where the visitor's browser fetches map tiles from and whose copyright the map names. The
/// Content-Security-Policy lets images come from exactly the tile host named here (<see cref="TileSource"/>), nothing
/// broader; an empty <see cref="TileUrl"/> draws markers on a blank map and lets no outside image in.
/// </summary>
public sealed class MapSettings
{
    public const string Section = "Lapor:Map";

    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public const string DefaultAttribution = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    private static readonly string[] Placeholders = ["{z}", "{x}", "{y}"];

    /// <summary>Leaflet's URL template: <c>{z}</c>, <c>{x}</c>, <c>{y}</c>, optionally <c>{s}</c> (a subdomain) and <c>{r}</c> (retina).</summary>
    public string TileUrl { get; set; } = DefaultTileUrl;

    /// <summary>Shown in the map's corner; HTML, set by the operator (tile providers require their credit).</summary>
    public string Attribution { get; set; } = DefaultAttribution;

    /// <summary>The subdomains <c>{s}</c> stands for, one letter or name each.</summary>
    public string Subdomains { get; set; } = "abc";

    public int MaxZoom { get; set; } = 19;

    /// <summary>Where the map opens when it has no point yet: the province (Bali by default).</summary>
    public double CenterLatitude { get; set; } = -8.4095;

    public double CenterLongitude { get; set; } = 115.1889;

    public int CenterZoom { get; set; } = 9;

    /// <summary>The public list's map shows at most this many reports, the newest with a point; the page says how many more match.</summary>
    public int MaxMarkers { get; set; } = 200;

    public bool HasTiles => !string.IsNullOrWhiteSpace(TileUrl);

    public static MapSettings Bind(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<MapSettings>() ?? new MapSettings();

    /// <summary>
    /// The Content-Security-Policy source for the tiles: scheme, host and a port other than the default; a <c>{s}</c>
    /// label becomes <c>*</c> because the browser may ask any of the subdomains. Null without tiles.
    /// </summary>
    public string? TileSource()
    {
        if (!HasTiles)
            return null;
        var uri = TileUri() ?? throw new InvalidOperationException(string.Join(" ", Problems()));
        var host = uri.Host.StartsWith("s-placeholder.", StringComparison.Ordinal) ? "*" + uri.Host["s-placeholder".Length..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Settings the host refuses to start with, one line each.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (HasTiles)
        {
            var host = HostPart();
            if ((host.StartsWith("{s}.", StringComparison.Ordinal) ? host[4..] : host).Contains('{'))
                problems.Add($"{Section}:TileUrl may vary the host only by a leading '{{s}}.' label: '{TileUrl}'.");
            else if (TileUri() is not { } uri)
                problems.Add($"{Section}:TileUrl must be an absolute http(s) address of a tile template, not '{TileUrl}'.");
            else if (uri.UserInfo.Length > 0)
                problems.Add($"{Section}:TileUrl must not contain a user name or password.");
            foreach (var placeholder in Placeholders.Where(p => !TileUrl.Contains(p, StringComparison.Ordinal)))
                problems.Add($"{Section}:TileUrl lacks the placeholder {placeholder}: '{TileUrl}'.");
            if (TileUrl.Contains("{s}", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(Subdomains))
                problems.Add($"{Section}:Subdomains is empty while {Section}:TileUrl uses {{s}}.");
        }
        if (MaxMarkers is < 1 or > 2000)
            problems.Add($"{Section}:MaxMarkers is {MaxMarkers}; use a whole number from 1 to 2000.");
        if (MaxZoom is < 1 or > 22)
            problems.Add($"{Section}:MaxZoom is {MaxZoom}; use a whole number from 1 to 22.");
        if (CenterLatitude is < -90 or > 90 || double.IsNaN(CenterLatitude))
            problems.Add($"{Section}:CenterLatitude is {CenterLatitude}; use a latitude from -90 to 90.");
        if (CenterLongitude is < -180 or > 180 || double.IsNaN(CenterLongitude))
            problems.Add($"{Section}:CenterLongitude is {CenterLongitude}; use a longitude from -180 to 180.");
        if (CenterZoom < 0 || CenterZoom > MaxZoom)
            problems.Add($"{Section}:CenterZoom is {CenterZoom}; use a whole number from 0 to {Section}:MaxZoom.");
        return problems;
    }

    // The template with its placeholders filled in, so Uri can judge it; a leading {s} label gets a name we can spot.
    private Uri? TileUri()
    {
        var sample = TileUrl.Trim().Replace("://{s}.", "://s-placeholder.", StringComparison.Ordinal)
            .Replace("{z}", "1", StringComparison.Ordinal).Replace("{x}", "1", StringComparison.Ordinal)
            .Replace("{y}", "1", StringComparison.Ordinal).Replace("{r}", "", StringComparison.Ordinal);
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    // What stands between "://" and the path in the template as written (nothing without a scheme).
    private string HostPart()
    {
        var text = TileUrl.Trim();
        var start = text.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
            return "";
        var rest = text[(start + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        return end < 0 ? rest : rest[..end];
    }
}
