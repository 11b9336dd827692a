using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Runtime;

/// <summary>A process or decision definition a deployment created or kept, as callers outside the engine read it.</summary>
public sealed record DeployedDefinition
{
    public required string DefinitionId { get; init; }
    public required string Key { get; init; }
    public int Version { get; init; }
    public string? ResourceName { get; init; }

    /// <summary>The hash of the XML it was deployed from, to tell a changed file from one kept by duplicate filtering.</summary>
    public required string XmlSha256 { get; init; }

    /// <summary>The BPMN or DMN it was deployed from.</summary>
    public required string Xml { get; init; }

    internal static DeployedDefinition Of(ProcessDefinitionRow d) =>
        new() { DefinitionId = d.Id, Key = d.Key, Version = d.Version, ResourceName = d.ResourceName, XmlSha256 = d.XmlSha256, Xml = d.Xml };

    internal static DeployedDefinition Of(DecisionDefinitionRow d) =>
        new() { DefinitionId = d.Id, Key = d.Key, Version = d.Version, ResourceName = d.ResourceName, XmlSha256 = d.XmlSha256, Xml = d.Xml };
}
