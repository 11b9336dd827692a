using System.Text.Json;
using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class ProcessDefinitionDtos
{
    /// <summary>Camunda's process definition; Lapor has no categories, diagrams, tenants or version tags.</summary>
    public sealed record ProcessDefinitionDto
    {
        public required string Id { get; init; }
        public required string Key { get; init; }
        public string? Category { get; init; }
        public string? Description { get; init; }
        public string? Name { get; init; }
        public required int Version { get; init; }
        public required string Resource { get; init; }
        public required string DeploymentId { get; init; }
        public string? Diagram { get; init; }
        public bool Suspended { get; init; }
        public string? TenantId { get; init; }
        public string? VersionTag { get; init; }
        public int? HistoryTimeToLive { get; init; }
        public bool StartableInTasklist { get; init; } = true;

        public static ProcessDefinitionDto Of(ProcessDefinitionRow d) => new()
        {
            Id = d.Id, Key = d.Key, Name = d.Name, Version = d.Version, Resource = d.ResourceName, DeploymentId = d.DeploymentId,
        };
    }

    public sealed record ProcessDefinitionXmlDto(string Id, string Bpmn20Xml);

    /// <summary>Body of <c>POST /process-definition/.../start</c>.</summary>
    public sealed record StartBody(Dictionary<string, JsonElement>? Variables, string? BusinessKey, bool WithVariablesInReturn);
}
