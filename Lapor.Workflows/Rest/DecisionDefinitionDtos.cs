using System.Text.Json;
using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class DecisionDefinitionDtos
{
    /// <summary>Camunda's decision definition; Lapor has no decision requirements definitions, tenants or version tags.</summary>
    public sealed record DecisionDefinitionDto(
        string Id, string Key, string? Category, string? Name, int Version, string Resource, string DeploymentId,
        string? DecisionRequirementsDefinitionId, string? DecisionRequirementsDefinitionKey, string? TenantId, string? VersionTag, int? HistoryTimeToLive)
    {
        public static DecisionDefinitionDto Of(DecisionDefinitionRow d) =>
            new(d.Id, d.Key, null, d.Name, d.Version, d.ResourceName, d.DeploymentId, null, null, null, null, null);
    }

    public sealed record DecisionDefinitionXmlDto(string Id, string DmnXml);

    /// <summary>Body of <c>POST /decision-definition/.../evaluate</c>.</summary>
    public sealed record EvaluateBody(Dictionary<string, JsonElement>? Variables);
}
