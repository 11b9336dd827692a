using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Lapor.Workflows.Rest.HistoryDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/history/process-instance</c>, <c>/history/variable-instance</c>, <c>/history/detail</c> and Lapor's
/// <c>/history/verify</c> extension, which re-computes an instance's hash chain to show its history was not edited.
/// Filters, sorting and paging are <see cref="HistoryQuery"/>'s.
/// </summary>
internal static class HistoryEndpoints
{
    private static readonly Dictionary<string, HistoricInstanceSort> InstanceSorts = new(StringComparer.Ordinal)
    {
        ["instanceId"] = HistoricInstanceSort.InstanceId, ["definitionId"] = HistoricInstanceSort.DefinitionId,
        ["definitionKey"] = HistoricInstanceSort.DefinitionKey, ["businessKey"] = HistoricInstanceSort.BusinessKey,
        ["startTime"] = HistoricInstanceSort.StartTime, ["endTime"] = HistoricInstanceSort.EndTime,
    };

    private static readonly Dictionary<string, HistoricVariableSort> VariableSorts = new(StringComparer.Ordinal)
    {
        ["variableName"] = HistoricVariableSort.VariableName, ["instanceId"] = HistoricVariableSort.InstanceId,
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/history/process-instance", ListInstancesAsync);
        api.MapGet("/history/process-instance/count", async (HttpRequest request, HistoryQuery history, CancellationToken ct) =>
            EngineRestJson.Ok(new CommonDtos.CountDto(await history.CountInstancesAsync(InstanceFilter(request), ct))));
        api.MapGet("/history/process-instance/{id}", GetInstanceAsync);
        api.MapGet("/history/variable-instance", VariableInstancesAsync);
        api.MapGet("/history/detail", DetailsAsync);
        api.MapGet("/history/verify", VerifyAsync);
    }

    private static async Task<IResult> GetInstanceAsync(string id, HistoryQuery history, CancellationToken ct)
    {
        var instance = await history.InstanceAsync(id, ct)
                       ?? throw new WorkflowNotFoundException($"Historic process instance with id '{id}' does not exist");
        return EngineRestJson.Ok(HistoricProcessInstanceDto.Of(instance));
    }

    private static async Task<IResult> ListInstancesAsync(HttpRequest request, HistoryQuery history, CancellationToken ct)
    {
        var (sort, descending) = EngineRestQuery.Sort(request, "startTime", InstanceSorts);
        var instances = await history.InstancesAsync(InstanceFilter(request), sort, descending, EngineRestQuery.Page(request), ct);
        return EngineRestJson.Ok(instances.Select(HistoricProcessInstanceDto.Of));
    }

    private static HistoricInstanceFilter InstanceFilter(HttpRequest request) => new()
    {
        InstanceId = EngineRestQuery.Text(request, "processInstanceId"),
        BusinessKey = EngineRestQuery.Text(request, "processInstanceBusinessKey"),
        DefinitionKey = EngineRestQuery.Text(request, "processDefinitionKey"),
        DefinitionId = EngineRestQuery.Text(request, "processDefinitionId"),
        StartedBy = EngineRestQuery.Text(request, "startedBy"),
        Finished = EngineRestQuery.Flag(request, "finished"),
        Unfinished = EngineRestQuery.Flag(request, "unfinished"),
        StartedBefore = EngineRestQuery.Date(request, "startedBefore"),
        StartedAfter = EngineRestQuery.Date(request, "startedAfter"),
    };

    /// <summary>
    /// The latest value of each variable. Its id names the history event that first set it, so every update in
    /// <c>/history/detail</c> can point at it.
    /// </summary>
    private static async Task<IResult> VariableInstancesAsync(HttpRequest request, HistoryQuery history, CancellationToken ct)
    {
        var (sort, descending) = EngineRestQuery.Sort(request, "variableName", VariableSorts);
        var variables = await history.VariablesAsync(VariableFilter(request), sort, descending, EngineRestQuery.Page(request), ct);
        return EngineRestJson.Ok(variables.Select(HistoricVariableInstanceDto.Of).ToList());
    }

    /// <summary>Every variable update in the order it happened (Camunda's <c>variableUpdate</c> details).</summary>
    private static async Task<IResult> DetailsAsync(HttpRequest request, HistoryQuery history, CancellationToken ct)
    {
        var descending = EngineRestQuery.Sort(request, "time", "time").Descending;
        var updates = await history.VariableUpdatesAsync(VariableFilter(request), descending, EngineRestQuery.Page(request), ct);
        return EngineRestJson.Ok(updates.Select(HistoricVariableUpdateDto.Of).ToList());
    }

    private static HistoricVariableFilter VariableFilter(HttpRequest request) => new()
    {
        InstanceId = EngineRestQuery.Text(request, "processInstanceId"),
        DefinitionId = EngineRestQuery.Text(request, "processDefinitionId"),
        VariableName = EngineRestQuery.Text(request, "variableName"),
        TaskId = EngineRestQuery.Text(request, "taskId"),
    };

    /// <summary>
    /// Lapor's extension: checks one hash chain (a process instance's, or <c>chainId=engine</c> for deployments).
    /// Without either parameter every chain is checked and the broken ones are listed.
    /// </summary>
    private static async Task<IResult> VerifyAsync(HttpRequest request, HistoryVerifier verifier, CancellationToken ct)
    {
        var chain = EngineRestQuery.Text(request, "processInstanceId") ?? EngineRestQuery.Text(request, "chainId");
        if (chain is not null)
        {
            var result = await verifier.VerifyAsync(chain, ct);
            if (result is { Intact: false, RowsChecked: 0, BrokenAtSeq: null })
                throw new WorkflowNotFoundException($"No history exists for '{chain}'.");
            return EngineRestJson.Ok(HistoryVerificationDto.Of(result));
        }
        var broken = await verifier.VerifyAllAsync(ct);
        return EngineRestJson.Ok(new
        {
            intact = broken.Count == 0,
            brokenChains = broken.Select(HistoryVerificationDto.Of),
        });
    }
}
