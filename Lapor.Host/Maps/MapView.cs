namespace Lapor.Host.Maps;

/// <summary>
/// What the map partial draws: markers to show, or, with <see cref="LatitudeInput"/> and <see cref="LongitudeInput"/>,
/// one marker the visitor places by clicking or dragging, which fills those form fields (the fields work without it).
/// </summary>
public sealed record MapView(string Id, string Label, IReadOnlyList<MapMarker> Markers)
{
    public string? LatitudeInput { get; init; }

    public string? LongitudeInput { get; init; }

    /// <summary>Said under a picker map: how to place the point.</summary>
    public string? Hint { get; init; }

    /// <summary>The public list's map: taller, for many markers.</summary>
    public bool Large { get; init; }

    /// <summary>Set in <c>HttpContext.Items</c> by the map partial, so the layout loads Leaflet once, outside the page's content.</summary>
    public const string PageHasMap = "Lapor.PageHasMap";

    public bool IsPicker => LatitudeInput is not null && LongitudeInput is not null;

    public static MapView Of(string id, string label, MapPoint point) => new(id, label, [new MapMarker(point)]);
}
