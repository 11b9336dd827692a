using System.Text.Json;
using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class DecisionDefinitionDtos
{
    /// <summary>Camunda's decision definition; Lapor has no decision requirements definitions, tenants or version tags.</summary>
    public sealed record DecisionDefinitionDto
    {
        public required string Id { get; init; }
        public required string Key { get; init; }
        public string? Category { get; init; }
        public string? Name { get; init; }
        public required int Version { get; init; }
        public required string Resource { get; init; }
        public required string DeploymentId { get; init; }
        public string? DecisionRequirementsDefinitionId { get; init; }
        public string? DecisionRequirementsDefinitionKey { get; init; }
        public string? TenantId { get; init; }
        public string? VersionTag { get; init; }
        public int? HistoryTimeToLive { get; init; }

        public static DecisionDefinitionDto Of(DecisionDefinitionRow d) => new()
        {
            Id = d.Id, Key = d.Key, Name = d.Name, Version = d.Version, Resource = d.ResourceName, DeploymentId = d.DeploymentId,
        };
    }

    public sealed record DecisionDefinitionXmlDto(string Id, string DmnXml);

    /// <summary>Body of <c>POST /decision-definition/.../evaluate</c>.</summary>
    public sealed record EvaluateBody(Dictionary<string, JsonElement>? Variables);
}
