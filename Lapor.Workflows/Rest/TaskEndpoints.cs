using System.Security.Claims;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.TaskDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/task</c>: open human tasks and the Camunda task commands. Commands answer 204; a task someone else already
/// completed is a 409 (the engine says who and when), an unknown one a 404.
/// </summary>
internal static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/task", ListAsync);
        api.MapGet("/task/count", async (HttpRequest request, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(new CommonDtos.CountDto(await Filter(request, engine.Db).CountAsync(ct))));
        api.MapGet("/task/{id}", async (string id, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(TaskDto.Of(await FindAsync(engine.Db, id, ct))));
        api.MapGet("/task/{id}/variables", async (string id, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(await VariablesJson.OfInstanceAsync(engine.Db, (await FindAsync(engine.Db, id, ct)).InstanceId, ct)));
        api.MapGet("/task/{id}/form-variables", FormVariablesAsync);

        api.MapPost("/task/{id}/claim", async (string id, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await engine.ClaimAsync(id, await RequiredUserAsync(request), EngineRestApi.Actor(user), ct);
            return Results.NoContent();
        });
        api.MapPost("/task/{id}/unclaim", async (string id, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await engine.UnclaimAsync(id, EngineRestApi.Actor(user), ct);
            return Results.NoContent();
        });
        api.MapPost("/task/{id}/assignee", async (string id, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        {
            // A null userId removes the assignee, as in Camunda.
            var body = await EngineRestJson.ReadBodyAsync<UserIdBody>(request);
            await engine.SetAssigneeAsync(id, body?.UserId, EngineRestApi.Actor(user), ct);
            return Results.NoContent();
        });
        api.MapPost("/task/{id}/delegate", async (string id, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await engine.DelegateAsync(id, await RequiredUserAsync(request), EngineRestApi.Actor(user), ct);
            return Results.NoContent();
        });
        api.MapPost("/task/{id}/resolve", async (string id, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var body = await EngineRestJson.ReadBodyAsync<CompleteBody>(request);
            await engine.ResolveAsync(id, VariablesJson.Read(body?.Variables), EngineRestApi.Actor(user), ct);
            return Results.NoContent();
        });
        api.MapPost("/task/{id}/complete", CompleteAsync);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "created", "created", "dueDate", "followUpDate", "priority", "name", "id", "assignee", "instanceId");
        var query = Filter(request, engine.Db);
        var ordered = by switch
        {
            "dueDate" => EngineRestQuery.Order(query, t => t.Due, descending),
            "followUpDate" => EngineRestQuery.Order(query, t => t.FollowUp, descending),
            "priority" => EngineRestQuery.Order(query, t => t.Priority, descending),
            "name" => EngineRestQuery.Order(query, t => t.Name, descending),
            "id" => EngineRestQuery.Order(query, t => t.Id, descending),
            "assignee" => EngineRestQuery.Order(query, t => t.Assignee, descending),
            "instanceId" => EngineRestQuery.Order(query, t => t.InstanceId, descending),
            _ => EngineRestQuery.Order(query, t => t.CreatedAt, descending),
        };
        var rows = await EngineRestQuery.Page(ordered.ThenBy(t => t.Id), request).ToListAsync(ct);
        return EngineRestJson.Ok(rows.Select(TaskDto.Of));
    }

    /// <summary>
    /// Camunda's task filters. Candidate filters match the user or group named on the task and, as in Camunda, leave
    /// out tasks someone has already taken unless <c>includeAssignedTasks=true</c>. Group membership of a user is not
    /// resolved yet: <c>candidateUser</c> matches tasks that name the user as a candidate.
    /// </summary>
    private static IQueryable<TaskRow> Filter(HttpRequest request, DbContext db)
    {
        var query = db.Set<TaskRow>().AsNoTracking();
        if (EngineRestQuery.Text(request, "taskId") is { } taskId)
            query = query.Where(t => t.Id == taskId);
        if (EngineRestQuery.Text(request, "processInstanceId") is { } instanceId)
            query = query.Where(t => t.InstanceId == instanceId);
        if (EngineRestQuery.Text(request, "processInstanceBusinessKey") is { } businessKey)
            query = query.Where(t => db.Set<ProcessInstanceRow>().Any(i => i.Id == t.InstanceId && i.BusinessKey == businessKey));
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(t => t.DefinitionId == definitionId);
        if (EngineRestQuery.Text(request, "processDefinitionKey") is { } definitionKey)
            query = query.Where(t => db.Set<ProcessDefinitionRow>().Any(d => d.Id == t.DefinitionId && d.Key == definitionKey));
        if (EngineRestQuery.Text(request, "executionId") is { } executionId)
            query = query.Where(t => t.ExecutionId == executionId);
        if (EngineRestQuery.Text(request, "taskDefinitionKey") is { } taskKey)
            query = query.Where(t => t.TaskDefinitionKey == taskKey);
        if (EngineRestQuery.List(request, "taskDefinitionKeyIn") is { } taskKeys)
            query = query.Where(t => taskKeys.Contains(t.TaskDefinitionKey));
        if (EngineRestQuery.Text(request, "name") is { } name)
            query = query.Where(t => t.Name == name);
        if (EngineRestQuery.Text(request, "assignee") is { } assignee)
            query = query.Where(t => t.Assignee == assignee);
        if (EngineRestQuery.List(request, "assigneeIn") is { } assignees)
            query = query.Where(t => t.Assignee != null && assignees.Contains(t.Assignee));
        if (EngineRestQuery.Text(request, "owner") is { } owner)
            query = query.Where(t => t.Owner == owner);
        if (EngineRestQuery.Text(request, "delegationState") is { } delegationState)
            query = query.Where(t => t.DelegationState == delegationState);
        if (EngineRestQuery.Flag(request, "unassigned"))
            query = query.Where(t => t.Assignee == null);
        if (EngineRestQuery.Flag(request, "assigned"))
            query = query.Where(t => t.Assignee != null);

        var candidateQuery = false;
        if (EngineRestQuery.Text(request, "candidateUser") is { } candidateUser)
        {
            candidateQuery = true;
            query = query.Where(t => t.Candidates.Any(c => c.Kind == CandidateKind.User && c.Value == candidateUser));
        }
        var groups = EngineRestQuery.List(request, "candidateGroups") ?? [];
        if (EngineRestQuery.Text(request, "candidateGroup") is { } candidateGroup)
            groups.Add(candidateGroup);
        if (groups.Count > 0)
        {
            candidateQuery = true;
            query = query.Where(t => t.Candidates.Any(c => c.Kind == CandidateKind.Group && groups.Contains(c.Value)));
        }
        if (candidateQuery && !EngineRestQuery.Flag(request, "includeAssignedTasks"))
            query = query.Where(t => t.Assignee == null);

        if (EngineRestQuery.Date(request, "dueBefore") is { } dueBefore)
            query = query.Where(t => t.Due != null && t.Due < dueBefore);
        if (EngineRestQuery.Date(request, "dueAfter") is { } dueAfter)
            query = query.Where(t => t.Due != null && t.Due > dueAfter);
        if (EngineRestQuery.Flag(request, "withoutDueDate"))
            query = query.Where(t => t.Due == null);
        if (EngineRestQuery.Date(request, "followUpBefore") is { } followUpBefore)
            query = query.Where(t => t.FollowUp != null && t.FollowUp < followUpBefore);
        if (EngineRestQuery.Date(request, "createdBefore") is { } createdBefore)
            query = query.Where(t => t.CreatedAt < createdBefore);
        if (EngineRestQuery.Date(request, "createdAfter") is { } createdAfter)
            query = query.Where(t => t.CreatedAt > createdAfter);
        if (EngineRestQuery.Int(request, "minPriority") is { } minPriority)
            query = query.Where(t => t.Priority >= minPriority);
        if (EngineRestQuery.Int(request, "maxPriority") is { } maxPriority)
            query = query.Where(t => t.Priority <= maxPriority);
        return query;
    }

    private static async Task<IResult> CompleteAsync(string id, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await EngineRestJson.ReadBodyAsync<CompleteBody>(request);
        var variables = VariablesJson.Read(body?.Variables);
        // The task row is gone after completion, so learn its instance first (only needed to return variables).
        var instanceId = body?.WithVariablesInReturn == true
            ? await engine.Db.Set<TaskRow>().AsNoTracking().Where(t => t.Id == id).Select(t => t.InstanceId).FirstOrDefaultAsync(ct)
            : null;
        await engine.CompleteTaskAsync(id, variables, EngineRestApi.Actor(user), ct);
        return instanceId is null
            ? Results.NoContent()
            : EngineRestJson.Ok(await VariablesJson.OfInstanceAsync(engine.Db, instanceId, ct));
    }

    /// <summary>
    /// The task's <c>camunda:formField</c>s with their current values (the variable if set, else the field's default);
    /// a task without form fields shows every variable of its instance, as Camunda does.
    /// </summary>
    private static async Task<IResult> FormVariablesAsync(string id, HttpRequest request, WorkflowEngine engine, DefinitionCache definitions, CancellationToken ct)
    {
        var task = await FindAsync(engine.Db, id, ct);
        var variables = await engine.Db.Set<VariableRow>().AsNoTracking().Where(v => v.InstanceId == task.InstanceId).ToListAsync(ct);
        var model = await definitions.GetAsync(engine.Db, task.DefinitionId, ct);
        var fields = model.Nodes.GetValueOrDefault(task.TaskDefinitionKey) is UserTask userTask ? userTask.FormFields : [];
        var wanted = EngineRestQuery.List(request, "variableNames");

        var result = new Dictionary<string, VariablesJson.VariableValueDto>(StringComparer.Ordinal);
        if (fields.Count == 0)
        {
            foreach (var (name, value) in VariablesJson.Write(variables))
                result[name] = value;
        }
        foreach (var field in fields)
        {
            var row = variables.FirstOrDefault(v => v.Name == field.Id);
            result[field.Id] = row is not null ? VariablesJson.Write(row.Type, row.Value) : VariablesJson.Write(DefaultOf(field));
        }
        return EngineRestJson.Ok(wanted is null ? result : result.Where(r => wanted.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value));
    }

    private static TypedValue DefaultOf(FormField field)
    {
        var type = field.Type switch
        {
            "long" => "Long",
            "boolean" => "Boolean",
            "double" => "Double",
            "date" => "Date",
            _ => "String",
        };
        if (field.DefaultValue is null)
            return new TypedValue(type, null);
        try
        {
            return TypedValue.Deserialize(type, field.DefaultValue);
        }
        catch (FormatException)
        {
            // A default such as "${today}" is not a literal of the field's type; show it as the text it is.
            return new TypedValue("String", field.DefaultValue);
        }
    }

    private static async Task<string> RequiredUserAsync(HttpRequest request)
    {
        var body = await EngineRestJson.ReadBodyAsync<UserIdBody>(request);
        return string.IsNullOrWhiteSpace(body?.UserId)
            ? throw new WorkflowException("userId is required.", "InvalidRequestException")
            : body.UserId;
    }

    private static async Task<TaskRow> FindAsync(DbContext db, string id, CancellationToken ct) =>
        await db.Set<TaskRow>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct)
        ?? throw new WorkflowNotFoundException($"No matching task with id '{id}'");
}
