namespace Lapor.Host.Tests.ScaleOut;

/// <summary>
/// The multi-host classes start real host processes and load them: they run alone, one class after the other, so their
/// timings and the machine's two cores are theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeveralHostsCollection
{
    public const string Name = "Several hosts";
}
