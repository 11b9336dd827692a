using System.Text.Json;
using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class ProcessDefinitionDtos
{
    public sealed record ProcessDefinitionDto(
        string Id, string Key, string? Category, string? Description, string? Name, int Version, string Resource, string DeploymentId,
        string? Diagram, bool Suspended, string? TenantId, string? VersionTag, int? HistoryTimeToLive, bool StartableInTasklist)
    {
        public static ProcessDefinitionDto Of(ProcessDefinitionRow d) =>
            new(d.Id, d.Key, null, null, d.Name, d.Version, d.ResourceName, d.DeploymentId, null, false, null, null, null, true);
    }

    public sealed record ProcessDefinitionXmlDto(string Id, string Bpmn20Xml);

    /// <summary>Body of <c>POST /process-definition/.../start</c>.</summary>
    public sealed record StartBody(Dictionary<string, JsonElement>? Variables, string? BusinessKey, bool WithVariablesInReturn);
}
