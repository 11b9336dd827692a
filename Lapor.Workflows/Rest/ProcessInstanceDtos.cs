using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Microsoft.AspNetCore.Http;
using static Lapor.Workflows.Rest.CommonDtos;
using static Lapor.Workflows.Rest.VariablesJson;

using Lapor.Workflows.Queries;

namespace Lapor.Workflows.Rest;

internal static class ProcessInstanceDtos
{
    /// <summary>A runtime instance; <see cref="Variables"/> appears only when the client asked for it, as in Camunda.</summary>
    public sealed record ProcessInstanceDto
    {
        public required IReadOnlyList<LinkDto> Links { get; init; }
        public required string Id { get; init; }
        public required string DefinitionId { get; init; }
        public string? BusinessKey { get; init; }
        public string? CaseInstanceId { get; init; }
        public bool Ended { get; init; }
        public bool Suspended { get; init; }
        public string? TenantId { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, VariableValueDto>? Variables { get; init; }

        public static ProcessInstanceDto Of(ProcessInstanceRow i, HttpRequest request, IReadOnlyDictionary<string, VariableValueDto>? variables = null) =>
            Of(InstanceSummary.Of(i), request, variables);

        public static ProcessInstanceDto Of(InstanceSummary i, HttpRequest request, IReadOnlyDictionary<string, VariableValueDto>? variables = null) => new()
        {
            Links = Self(request, $"process-instance/{i.Id}"), Id = i.Id, DefinitionId = i.DefinitionId, BusinessKey = i.BusinessKey,
            Ended = i.Status != InstanceStatus.Active, Suspended = i.Suspended, Variables = variables,
        };
    }

    /// <summary>Body of <c>POST /process-instance/{id}/variables</c>.</summary>
    public sealed record VariablesModificationBody(Dictionary<string, JsonElement>? Modifications, List<string>? Deletions);
}
