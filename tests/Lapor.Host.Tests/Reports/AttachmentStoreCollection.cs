namespace Lapor.Host.Tests.Reports;

/// <summary>
/// The attachment store classes run alone, after the parallel ones: their memory check counts every byte the process
/// allocates while 8 MB go in and out, which other test classes running at the same time would drown.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AttachmentStoreCollection
{
    public const string Name = "Attachment stores";
}
