using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Queries;

namespace Lapor.Host.Operations;

/// <summary>
/// The product's instruments on the meter <c>Lapor</c> (the engine has its own, <c>Lapor.Workflows</c>): reports
/// received, and gauges of open and overdue tasks, undelivered notifications and open incidents, read from the
/// database when metrics are collected.
/// </summary>
public sealed class LaporMetrics
{
    public const string MeterName = "Lapor";

    // One scrape reads four gauges; counting once for all of them keeps a scrape at four small queries.
    private static readonly TimeSpan CountsKeptFor = TimeSpan.FromSeconds(1);

    private readonly Counter<long> _reportsReceived;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<LaporMetrics> _log;
    private Counted? _last;

    public LaporMetrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, ILogger<LaporMetrics> log)
    {
        (_scopes, _clock, _log) = (scopes, clock, log);
        var meter = meters.Create(MeterName);
        _reportsReceived = meter.CreateCounter<long>("lapor.reports.received", "{report}", "Reports stored with their process instance.");
        meter.CreateObservableGauge("lapor.tasks.open", () => Measure(c => c.OpenTasks), "{task}", "Human tasks not yet completed.");
        meter.CreateObservableGauge("lapor.tasks.overdue", () => Measure(c => c.OverdueTasks), "{task}", "Open human tasks past their due date.");
        meter.CreateObservableGauge("lapor.outbox.backlog", () => Measure(c => c.OutboxBacklog), "{message}", "Notifications decided but not yet delivered.");
        meter.CreateObservableGauge("lapor.incidents.open", () => Measure(c => c.OpenIncidents), "{incident}", "Service tasks out of attempts, waiting for an operator.");
    }

    public void ReportReceived(ReportType type) =>
        _reportsReceived.Add(1, new KeyValuePair<string, object?>("type", type.ToString().ToLowerInvariant()));

    private IEnumerable<Measurement<long>> Measure(Func<WorkloadCounts, long> pick) =>
        Counts() is { } counts ? [new Measurement<long>(pick(counts))] : [];

    private WorkloadCounts? Counts()
    {
        if (_last is { } last && Stopwatch.GetElapsedTime(last.At) < CountsKeptFor)
            return last.Counts;
        try
        {
            using var scope = _scopes.CreateScope();
            var services = scope.ServiceProvider;
            var counts = WorkloadCounts.Read(services.GetRequiredService<LaporDb>(), services.GetRequiredService<TaskQuery>(),
                services.GetRequiredService<InstanceQuery>(), _clock.GetUtcNow());
            _last = new Counted(counts, Stopwatch.GetTimestamp());
            return counts;
        }
        catch (Exception ex)
        {
            // A gauge with no value says "unknown"; a zero would claim the queues are empty. Readiness reports the cause.
            _log.LogDebug(ex, "Workload gauges could not be read");
            return null;
        }
    }

    private sealed record Counted(WorkloadCounts Counts, long At);
}
