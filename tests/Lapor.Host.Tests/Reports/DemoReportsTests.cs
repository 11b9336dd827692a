using System.Net.Http.Json;
using System.Text.Json;

namespace Lapor.Host.Tests.Reports;

public sealed class DemoReportsTests(DemoReportsTests.DemoHost host) : IClassFixture<DemoReportsTests.DemoHost>
{
    public sealed class DemoHost : ReportsHost
    {
        protected override bool DemoData => true;
    }

    [Fact]
    public async Task FirstStartWithDemoData_ShowsPublicReportsInSeveralStages_AndHidesTheConfidentialOne()
    {
        var list = await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/reports?pageSize=100");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var stages = items.Select(i => i.GetProperty("stage").GetString()).ToHashSet();

        Assert.Equal(6, list.GetProperty("total").GetInt32());
        Assert.Superset(new HashSet<string?> { "Menunggu verifikasi", "Sedang ditindaklanjuti", "Selesai", "Diarsipkan" }, stages);
        Assert.Contains(items, i => i.GetProperty("reporterName").GetString() == "Anonim");
        Assert.DoesNotContain(items, i => i.GetProperty("title").GetString()!.Contains("pungutan", StringComparison.OrdinalIgnoreCase));
    }
}
