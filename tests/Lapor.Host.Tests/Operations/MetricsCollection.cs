namespace Lapor.Host.Tests.Operations;

/// <summary>
/// OpenTelemetry listens to meters by name across the whole process: with other test hosts alive, their counters and
/// gauges show up in this host's scrape. The metrics tests therefore run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
