namespace Lapor.Workflows.Persistence;

/// <summary>One published version of a process key; instances are pinned to it. The XML is kept verbatim.</summary>
internal sealed class ProcessDefinitionRow
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
