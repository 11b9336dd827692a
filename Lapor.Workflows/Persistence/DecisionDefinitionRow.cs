namespace Lapor.Workflows.Persistence;

/// <summary>
/// One published version of a decision key (the DMN decision id). A DMN file with several decisions gives one row
/// per decision, each with the whole file kept verbatim.
/// </summary>
internal sealed class DecisionDefinitionRow
{
    public required string Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public required string DeploymentId { get; set; }
    public required string ResourceName { get; set; }
    public required string Xml { get; set; }
    public required string XmlSha256 { get; set; }
    public DateTime DeployedAt { get; set; }
}
