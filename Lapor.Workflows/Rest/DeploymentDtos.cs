using Lapor.Workflows.Persistence;
using Microsoft.AspNetCore.Http;
using static Lapor.Workflows.Rest.CommonDtos;
using static Lapor.Workflows.Rest.DecisionDefinitionDtos;
using static Lapor.Workflows.Rest.ProcessDefinitionDtos;

namespace Lapor.Workflows.Rest;

internal static class DeploymentDtos
{
    public sealed record DeploymentDto
    {
        public required IReadOnlyList<LinkDto> Links { get; init; }
        public required string Id { get; init; }
        public string? Name { get; init; }
        public string? Source { get; init; }
        public required DateTime DeploymentTime { get; init; }
        public string? TenantId { get; init; }

        public static DeploymentDto Of(DeploymentRow d, HttpRequest request) => new()
        {
            Links = Self(request, $"deployment/{d.Id}"), Id = d.Id, Name = d.Name, Source = d.Source, DeploymentTime = d.DeployedAt,
        };
    }

    /// <summary>The answer to <c>deployment/create</c>; the definitions map is null when duplicate filtering kept everything.</summary>
    public sealed record DeploymentWithDefinitionsDto
    {
        public required IReadOnlyList<LinkDto> Links { get; init; }
        public required string Id { get; init; }
        public string? Name { get; init; }
        public string? Source { get; init; }
        public required DateTime DeploymentTime { get; init; }
        public string? TenantId { get; init; }
        public IReadOnlyDictionary<string, ProcessDefinitionDto>? DeployedProcessDefinitions { get; init; }
        public object? DeployedCaseDefinitions { get; init; }
        public IReadOnlyDictionary<string, DecisionDefinitionDto>? DeployedDecisionDefinitions { get; init; }
        public object? DeployedDecisionRequirementsDefinitions { get; init; }
    }
}
