namespace Lapor.Host.Maps;

/// <summary>One marker: where, what its popup says and where the popup's link leads (both optional).</summary>
public sealed record MapMarker(MapPoint Point, string? Title = null, string? Href = null, string? Note = null);
