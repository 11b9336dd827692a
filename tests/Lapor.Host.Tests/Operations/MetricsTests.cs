using System.Net;
using System.Net.Http.Json;

namespace Lapor.Host.Tests.Operations;

/// <summary>A Prometheus on the same machine scrapes <c>/metrics</c> and sees what the service did.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(OperationsHost host) : IClassFixture<OperationsHost>
{
    [Fact]
    public async Task LoopbackScrape_CountsASubmittedReport_AndTheEngineCommandItRan()
    {
        var client = host.Client();
        var before = await ScrapeAsync(client);
        var received = PrometheusText.Value(before, "lapor_reports_received_total", "type=\"complaint\"") ?? 0;
        var starts = PrometheusText.Value(before, "lapor_workflows_command_duration_seconds_count", "command=\"Start\"", "outcome=\"ok\"") ?? 0;

        var response = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "Lampu jalan mati di Jl. Teuku Umar", description = "Sudah seminggu lampu jalan mati, rawan kecelakaan malam hari.",
            categoryCode = "jalan", location = "Denpasar", reporter = new { name = "Ni Luh Putu", email = "luh@example.com" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // The exporter keeps an answer for a moment, and the gauges their counts for a second: ask until the new
        // figures are in (or give up).
        var after = await ScrapeUntilAsync(client, text => PrometheusText.Value(text, "lapor_reports_received_total", "type=\"complaint\"") > received
                                                           && PrometheusText.Value(text, "lapor_tasks_open") >= 1);
        // OpenTelemetry listens to meters by name, process-wide: other test hosts running in this process at the same
        // moment count too, so the figures grow by at least this host's one report (exactly one in a real host).
        Assert.True(PrometheusText.Value(after, "lapor_reports_received_total", "type=\"complaint\"") >= received + 1);
        var startsAfter = PrometheusText.Value(after, "lapor_workflows_command_duration_seconds_count", "command=\"Start\"", "outcome=\"ok\"");
        Assert.True(startsAfter >= starts + 1);
        Assert.Equal(startsAfter, PrometheusText.Value(after, "lapor_workflows_command_duration_seconds_bucket", "command=\"Start\"", "outcome=\"ok\"", "le=\"+Inf\""));
        Assert.True(PrometheusText.Value(after, "lapor_workflows_command_duration_seconds_sum", "command=\"Start\"") > 0);
        // The report waits for verification: an open task, none overdue, nothing stuck.
        Assert.True(PrometheusText.Value(after, "lapor_tasks_open") >= 1);
        // Gauges of other hosts in this test process add to these, so only their presence is this test's to check.
        Assert.NotNull(PrometheusText.Value(after, "lapor_tasks_overdue"));
        Assert.NotNull(PrometheusText.Value(after, "lapor_incidents_open"));
        Assert.NotNull(PrometheusText.Value(after, "lapor_outbox_backlog"));
    }

    [Fact]
    public async Task LoopbackScrape_ShowsTheCollectorsCollections_AndTheTimeTheyStoppedTheProcess()
    {
        // A collection this test makes, so the counts cannot be empty however quiet the process has been.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var text = await ScrapeUntilAsync(host.Client(), t => PrometheusText.Value(t, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"") >= 1);

        Assert.True(PrometheusText.Value(text, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"") >= 1, Excerpt(text, "dotnet_gc"));
        Assert.NotNull(PrometheusText.Value(text, "dotnet_gc_pause_time_seconds_total"));
        Assert.True(PrometheusText.Value(text, "dotnet_process_cpu_time_seconds_total", "cpu_mode=\"user\"") > 0, Excerpt(text, "dotnet_process"));
    }

    private static string Excerpt(string text, string prefix) =>
        string.Join('\n', text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Take(20));

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> done)
    {
        var text = "";
        for (var attempt = 0; attempt < 50; attempt++)
        {
            text = await ScrapeAsync(client);
            if (done(text))
                return text;
            await Task.Delay(100);
        }
        return text;
    }
}
