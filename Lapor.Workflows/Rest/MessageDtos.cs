using System.Text.Json;
using System.Text.Json.Serialization;
using static Lapor.Workflows.Rest.ProcessInstanceDtos;
using static Lapor.Workflows.Rest.VariablesJson;

namespace Lapor.Workflows.Rest;

internal static class MessageDtos
{
    /// <summary>Body of <c>POST /message</c>.</summary>
    public sealed record CorrelationBody
    {
        public string? MessageName { get; init; }
        public string? BusinessKey { get; init; }
        public string? ProcessInstanceId { get; init; }
        public string? TenantId { get; init; }
        public Dictionary<string, JsonElement>? CorrelationKeys { get; init; }
        public Dictionary<string, JsonElement>? LocalCorrelationKeys { get; init; }
        public Dictionary<string, JsonElement>? ProcessVariables { get; init; }
        public Dictionary<string, JsonElement>? ProcessVariablesLocal { get; init; }
        public bool All { get; init; }
        public bool ResultEnabled { get; init; }
        public bool VariablesInResultEnabled { get; init; }
    }

    public sealed record ExecutionDto
    {
        public required string Id { get; init; }
        public required string ProcessInstanceId { get; init; }
        public bool Ended { get; init; }
        public string? TenantId { get; init; }
    }

    /// <summary>One delivery: to a waiting execution, or as a new instance via a message start event.</summary>
    public sealed record CorrelationResultDto
    {
        public const string ToExecution = "Execution";
        public const string ToNewInstance = "ProcessDefinition";

        /// <summary><see cref="ToExecution"/> or <see cref="ToNewInstance"/>.</summary>
        public required string ResultType { get; init; }

        public ExecutionDto? Execution { get; init; }
        public ProcessInstanceDto? ProcessInstance { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, VariableValueDto>? Variables { get; init; }
    }
}
