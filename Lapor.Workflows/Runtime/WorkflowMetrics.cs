using System.Diagnostics.Metrics;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The engine's instruments on the meter <c>Lapor.Workflows</c>. The engine only records; whoever wants the figures
/// (the host's OpenTelemetry, dotnet-counters) listens by the meter's name. Without a listener a record costs a check.
/// </summary>
public sealed class WorkflowMetrics
{
    public const string MeterName = "Lapor.Workflows";

    // Commands take milliseconds to a few seconds; the default buckets are meant for milliseconds, not seconds.
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _timersFired;

    public WorkflowMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _commandDuration = meter.CreateHistogram("lapor.workflows.command.duration", "s",
            "How long engine commands took, from loading the instance to handing new jobs to the scheduler.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _timersFired = meter.CreateCounter<long>("lapor.workflows.timers.fired", "{timer}",
            "Timer jobs that moved their instance on (stale and missing ones are not counted).");
    }

    /// <param name="command">The command's method name without <c>Async</c>: a small, fixed set of values.</param>
    /// <param name="outcome"><c>ok</c>, <c>conflict</c> (someone else changed the instance) or <c>error</c>.</param>
    public void CommandFinished(string command, string outcome, TimeSpan elapsed) =>
        _commandDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("command", command), new KeyValuePair<string, object?>("outcome", outcome));

    public void TimerFired() => _timersFired.Add(1);
}
