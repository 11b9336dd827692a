namespace Lapor.Workflows.Runtime;

/// <summary>
/// Camunda's <c>deployment/create</c>: with <see cref="DuplicateFiltering"/>, a file identical to the latest version
/// of its process creates no new version (so start-up deployment of shipped files is idempotent).
/// </summary>
public sealed record DeploymentRequest(string Name, IReadOnlyList<DeploymentResource> Resources, bool DuplicateFiltering = false, string? Source = null);
