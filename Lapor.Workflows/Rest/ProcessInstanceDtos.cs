using System.Text.Json.Serialization;
using System.Text.Json;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Microsoft.AspNetCore.Http;
using static Lapor.Workflows.Rest.CommonDtos;
using static Lapor.Workflows.Rest.VariablesJson;

namespace Lapor.Workflows.Rest;

internal static class ProcessInstanceDtos
{
    /// <summary>A runtime instance; <see cref="Variables"/> appears only when the client asked for it, as in Camunda.</summary>
    public sealed record ProcessInstanceDto(
        IReadOnlyList<LinkDto> Links, string Id, string DefinitionId, string? BusinessKey, string? CaseInstanceId, bool Ended, bool Suspended,
        string? TenantId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, VariableValueDto>? Variables = null)
    {
        public static ProcessInstanceDto Of(ProcessInstanceRow i, HttpRequest request, IReadOnlyDictionary<string, VariableValueDto>? variables = null) =>
            new(Self(request, $"process-instance/{i.Id}"), i.Id, i.DefinitionId, i.BusinessKey, null, i.Status != InstanceStatus.Active, i.Suspended, null, variables);
    }

    /// <summary>Body of <c>POST /process-instance/{id}/variables</c>.</summary>
    public sealed record VariablesModificationBody(Dictionary<string, JsonElement>? Modifications, List<string>? Deletions);
}
