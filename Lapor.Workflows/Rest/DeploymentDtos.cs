using Lapor.Workflows.Persistence;
using Microsoft.AspNetCore.Http;
using static Lapor.Workflows.Rest.CommonDtos;
using static Lapor.Workflows.Rest.ProcessDefinitionDtos;

namespace Lapor.Workflows.Rest;

internal static class DeploymentDtos
{
    public sealed record DeploymentDto(IReadOnlyList<LinkDto> Links, string Id, string? Name, string? Source, DateTime DeploymentTime, string? TenantId)
    {
        public static DeploymentDto Of(DeploymentRow d, HttpRequest request) =>
            new(Self(request, $"deployment/{d.Id}"), d.Id, d.Name, d.Source, d.DeployedAt, null);
    }

    /// <summary>The answer to <c>deployment/create</c>; the definitions map is null when duplicate filtering kept everything.</summary>
    public sealed record DeploymentWithDefinitionsDto(
        IReadOnlyList<LinkDto> Links, string Id, string? Name, string? Source, DateTime DeploymentTime, string? TenantId,
        IReadOnlyDictionary<string, ProcessDefinitionDto>? DeployedProcessDefinitions,
        object? DeployedCaseDefinitions, IReadOnlyDictionary<string, DecisionDefinitionDtos.DecisionDefinitionDto>? DeployedDecisionDefinitions,
        object? DeployedDecisionRequirementsDefinitions);
}
