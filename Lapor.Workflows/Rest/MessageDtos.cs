using System.Text.Json.Serialization;
using System.Text.Json;
using static Lapor.Workflows.Rest.ProcessInstanceDtos;
using static Lapor.Workflows.Rest.VariablesJson;

namespace Lapor.Workflows.Rest;

internal static class MessageDtos
{
    /// <summary>Body of <c>POST /message</c>.</summary>
    public sealed record CorrelationBody(
        string? MessageName, string? BusinessKey, string? ProcessInstanceId, string? TenantId,
        Dictionary<string, JsonElement>? CorrelationKeys, Dictionary<string, JsonElement>? LocalCorrelationKeys,
        Dictionary<string, JsonElement>? ProcessVariables, Dictionary<string, JsonElement>? ProcessVariablesLocal,
        bool All, bool ResultEnabled, bool VariablesInResultEnabled);

    public sealed record ExecutionDto(string Id, string ProcessInstanceId, bool Ended, string? TenantId);

    /// <summary>One delivery: to a waiting execution, or as a new instance via a message start event.</summary>
    public sealed record CorrelationResultDto(
        string ResultType, ExecutionDto? Execution, ProcessInstanceDto? ProcessInstance,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, VariableValueDto>? Variables);
}
