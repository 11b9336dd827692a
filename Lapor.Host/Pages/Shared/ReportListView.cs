using Lapor.Host.Localization;
using Lapor.Host.Reports;

namespace Lapor.Host.Pages.Shared;

/// <summary>Lines of a report list with the names their codes stand for; <see cref="LinkPrefix"/> says where a line leads.</summary>
public sealed record ReportListView(IReadOnlyList<ReportSummary> Items, StageLabels Stages, IReadOnlyDictionary<string, string> CategoryNames,
    string LinkPrefix = "/Laporan/")
{
    public string CategoryOf(ReportSummary report) =>
        CategoryNames.GetValueOrDefault(report.CategoryCode, report.CategoryCode);
}
