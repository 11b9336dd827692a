namespace Lapor.Workflows.Runtime;

/// <summary>
/// Camunda's <c>deployment/create</c>: with <see cref="DuplicateFiltering"/>, a file identical to the latest version
/// of its process (or, with a <see cref="Source"/>, to the last version deployed from that source) creates no new
/// version, so start-up deployment of shipped files is idempotent and never undoes a coordinator's newer version.
/// <see cref="Comment"/> is the publisher's note on why this version exists (shown in the designer's version list).
/// </summary>
public sealed record DeploymentRequest(
    string Name, IReadOnlyList<DeploymentResource> Resources, bool DuplicateFiltering = false, string? Source = null, string? Comment = null)
{
    /// <summary>
    /// When the latest version of a process came from another source (a coordinator published it in the designer),
    /// deploy nothing for it, even if this file changed: shipped defaults never overwrite a newer published version.
    /// </summary>
    public bool YieldToOtherSources { get; init; }
}
