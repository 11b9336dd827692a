using System.Globalization;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Maps;
using Lapor.Host.Pages.Shared;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Reports;

/// <summary>
/// Laporan publik: search, filters and server-side paging over <see cref="ReportQueries.PublicListAsync"/>, which
/// never returns confidential reports. The filter lives in the query string so a result can be bookmarked and shared.
/// </summary>
public sealed class ListModel(ReportQueries queries, ProcessStages stages, LaporDb db, IStringLocalizer<PortalText> text,
    MapSettings mapSettings) : PageModel
{
    public const int PageSize = 10;

    public Input Filter { get; private set; } = new();

    public ReportPage<ReportSummary> Result { get; private set; } = null!;

    public ReportListView Lines { get; private set; } = null!;

    public List<SelectListItem> Categories { get; private set; } = [];

    public List<SelectListItem> Agencies { get; private set; } = [];

    public List<SelectListItem> Stages { get; private set; } = [];

    public bool IsFiltered { get; private set; }

    /// <summary>The map view (<c>?tampilan=peta</c>) instead of the list; null in the list view.</summary>
    public MapView? Map { get; private set; }

    /// <summary>In the map view: how many matching reports have a point (the map may show fewer, see <see cref="MapLimit"/>).</summary>
    public int MapTotal { get; private set; }

    public async Task OnGetAsync(Input filter, CancellationToken ct)
    {
        Filter = filter;
        var query = filter.ToFilter(PageSize);
        IsFiltered = query with { Page = 1 } != new ReportFilter(PageSize: PageSize);
        Result = await queries.PublicListAsync(query, ct);
        var labels = await stages.LoadAsync(ct);
        Lines = new ReportListView(Result.Items, labels, await db.CategoryNamesAsync(ct));
        Categories = await db.CategoryOptionsAsync(activeOnly: false, ct);
        Agencies = await db.AgencyOptionsAsync(activeOnly: false, text, ct);
        Stages = labels.Stages.Select(s => new SelectListItem(labels.Show(s), s)).ToList();
        if (filter.IsMap)
            await LoadMapAsync(query, labels, ct);
    }

    // The same public, filtered query as the list (so never a confidential report), without paging but bounded.
    private async Task LoadMapAsync(ReportFilter filter, StageLabels labels, CancellationToken ct)
    {
        var located = queries.PublicMatching(filter).Where(r => r.Latitude != null && r.Longitude != null);
        MapTotal = await located.CountAsync(ct);
        var rows = await located.OrderByDescending(r => r.SubmittedAt).Take(mapSettings.MaxMarkers)
            .Select(r => new { r.TrackingCode, r.Title, r.Stage, r.Latitude, r.Longitude })
            .ToListAsync(ct);
        var markers = rows.Select(r => new MapMarker(new MapPoint(r.Latitude!.Value, r.Longitude!.Value), r.Title,
            "/Laporan/" + r.TrackingCode, labels.Show(r.Stage))).ToList();
        Map = new MapView("peta-laporan-publik", text["List.Map.Label"].Value, markers) { Large = true };
    }

    /// <summary>The same filters in the other view (list or map), from the first page.</summary>
    public string? ViewLink(bool map) => Url.Page("/Reports/List", (Filter with { View = map ? Input.MapValue : null }).RouteValues(1));

    /// <summary>The link to another page of the same result.</summary>
    public string? PageLink(int page) => Url.Page("/Reports/List", Filter.RouteValues(page));

    /// <summary>The query string as people see it, in Indonesian like the routes.</summary>
    public sealed record Input
    {
        [FromQuery(Name = "q")]
        public string? Search { get; init; }

        [FromQuery(Name = "jenis")]
        public string? Type { get; init; }

        [FromQuery(Name = "kategori")]
        public string? Category { get; init; }

        [FromQuery(Name = "instansi")]
        public string? Agency { get; init; }

        [FromQuery(Name = "tahap")]
        public string? Stage { get; init; }

        [FromQuery(Name = "dari")]
        public string? From { get; init; }

        [FromQuery(Name = "sampai")]
        public string? To { get; init; }

        [FromQuery(Name = "halaman")]
        public string? Page { get; init; }

        /// <summary><c>peta</c> shows the matching reports on a map; anything else, the list.</summary>
        [FromQuery(Name = "tampilan")]
        public string? View { get; init; }

        public const string MapValue = "peta";

        public bool IsMap => string.Equals(View?.Trim(), MapValue, StringComparison.OrdinalIgnoreCase);

        // A hand-edited URL with a bad value just loses that filter; there is no form error to show on a list.
        public ReportFilter ToFilter(int pageSize) => new(
            Search: string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
            Type: Enum.GetNames<ReportType>().Contains(Type) ? Enum.Parse<ReportType>(Type!) : null,
            CategoryCode: Blank(Category),
            AgencyCode: Blank(Agency),
            Stage: Blank(Stage),
            From: Day(From),
            To: Day(To),
            Page: int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            PageSize: pageSize);

        public Dictionary<string, string?> RouteValues(int page) => new()
        {
            ["q"] = Blank(Search),
            ["jenis"] = Blank(Type),
            ["kategori"] = Blank(Category),
            ["instansi"] = Blank(Agency),
            ["tahap"] = Blank(Stage),
            ["dari"] = Blank(From),
            ["sampai"] = Blank(To),
            ["halaman"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
            ["tampilan"] = IsMap ? MapValue : null,
        };

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static DateOnly? Day(string? value) =>
            DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}
