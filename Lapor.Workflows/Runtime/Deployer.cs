using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Expressions;
using Lapor.Workflows.History;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.ServiceTasks;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// Deploys BPMN files as new versions of their process keys. Every file is parsed and validated before anything is
/// stored; one bad file refuses the whole deployment.
/// </summary>
public sealed partial class Deployer(DbContext db, DefinitionCache definitions, DecisionCache decisions, ExpressionEvaluator expressions, ServiceTaskRegistry handlers,
    TimeProvider clock, IEnumerable<IDefinitionRule> rules)
{
    public const string EngineChain = "engine";

    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, string? actor, CancellationToken ct = default)
    {
        var parsed = Parse(request);
        var parsedDecisions = ParseDecisions(request);
        var now = WorkflowClock.Utc(clock.GetUtcNow());
        var deployment = new DeploymentRow { Id = Guid.CreateVersion7().ToString(), Name = request.Name, Source = request.Source, DeployedAt = now, DeployedBy = actor, Comment = request.Comment };
        var deployed = new List<ProcessDefinitionRow>();
        var unchanged = new List<ProcessDefinitionRow>();
        var models = new List<(string Id, ProcessModel Model)>();

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var (resource, model, sha) in parsed)
        {
            var latest = await db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => d.Key == model.Key)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
            if (request.DuplicateFiltering && await SameAsBeforeAsync(model.Key, sha, latest, request.Source, ct) is { } previous)
            {
                unchanged.Add(previous);
                continue;
            }
            if (request.YieldToOtherSources && latest is not null && await SourceOfAsync(latest, ct) != request.Source)
            {
                // Someone published a newer version by other means (the designer): a changed shipped file waits for them.
                unchanged.Add(latest);
                continue;
            }
            var version = (latest?.Version ?? 0) + 1;
            var row = new ProcessDefinitionRow
            {
                Id = $"{model.Key}:{version}:{deployment.Id}", Key = model.Key, Version = version, Name = model.Name, DeploymentId = deployment.Id,
                ResourceName = resource.Name, Xml = resource.Content, XmlSha256 = sha, DeployedAt = now,
            };
            db.Add(row);
            deployed.Add(row);
            models.Add((row.Id, model));
        }
        var (deployedDecisions, unchangedDecisions, tables) = await AddDecisionsAsync(request, parsedDecisions, deployment, now, ct);
        if (deployed.Count == 0 && deployedDecisions.Count == 0)
        {
            var existingId = unchanged.Count > 0 ? unchanged[0].DeploymentId : unchangedDecisions[0].DeploymentId;
            var existing = await db.Set<DeploymentRow>().AsNoTracking().FirstAsync(d => d.Id == existingId, ct);
            return new DeploymentResult(existing, [], unchanged) { UnchangedDecisions = unchangedDecisions };
        }

        db.Add(deployment);
        var history = await HistoryWriter.OpenAsync(db, EngineChain, ct);
        history.Append(new HistoryEventRow
        {
            Kind = HistoryEventKind.Deployment, Time = now, Actor = actor, Name = "Create", Value = deployment.Id,
            Detail = JsonSerializer.Serialize(new
            {
                deployment = deployment.Name, definitions = deployed.Select(d => d.Id), decisions = deployedDecisions.Select(d => d.Id), comment = deployment.Comment,
            }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await history.FlushAsync(ct);
            if (transaction is not null)
                await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new WorkflowConflictException("Another deployment of the same process was stored at the same time; deploy again.");
        }
        finally
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity.GetType().Assembly == typeof(Deployer).Assembly).ToList())
                entry.State = EntityState.Detached;
        }
        foreach (var (id, model) in models)
            definitions.Add(id, model);
        foreach (var (id, table) in tables)
            decisions.Add(id, table);
        return new DeploymentResult(deployment, deployed, unchanged) { DeployedDecisions = deployedDecisions, UnchangedDecisions = unchangedDecisions };
    }

    private Task<string?> SourceOfAsync(ProcessDefinitionRow definition, CancellationToken ct) =>
        db.Set<DeploymentRow>().AsNoTracking().Where(d => d.Id == definition.DeploymentId).Select(d => d.Source).FirstOrDefaultAsync(ct);

    /// <summary>
    /// With a source (e.g. "startup"), a file counts as unchanged when it equals the last version deployed from that
    /// same source, so a version a coordinator published from the designer is not overwritten at every restart by the
    /// shipped file it started from. Without a source, it is compared with the latest version.
    /// </summary>
    private async Task<ProcessDefinitionRow?> SameAsBeforeAsync(string key, string sha, ProcessDefinitionRow? latest, string? source, CancellationToken ct)
    {
        if (source is null)
            return latest?.XmlSha256 == sha ? latest : null;
        var fromSource = await (
                from d in db.Set<ProcessDefinitionRow>().AsNoTracking()
                join dep in db.Set<DeploymentRow>().AsNoTracking() on d.DeploymentId equals dep.Id
                where d.Key == key && dep.Source == source
                orderby d.Version descending
                select d)
            .FirstOrDefaultAsync(ct);
        return fromSource?.XmlSha256 == sha ? latest : null;
    }

    /// <summary>
    /// Every problem deploying <paramref name="xml"/> would refuse, each naming its element where it has one; empty when
    /// it would deploy. Changes nothing.
    /// </summary>
    public IReadOnlyList<DefinitionProblem> Check(string xml)
    {
        var problems = new List<DefinitionProblem>();
        var models = BpmnParser.TryParse(xml, problems);
        if (problems.Count > 0)
            return problems;
        var validator = new BpmnValidator(expressions, handlers.Names);
        foreach (var model in models)
            problems.AddRange(Validate(validator, model));
        return problems;
    }

    private List<(DeploymentResource Resource, ProcessModel Model, string Sha)> Parse(DeploymentRequest request)
    {
        if (request.Comment is { Length: > DeploymentRow.MaxCommentLength })
            throw new WorkflowException($"A deployment comment has at most {DeploymentRow.MaxCommentLength} characters.", "InvalidRequestException");
        if (request.Resources.Count == 0)
            throw new WorkflowException("A deployment needs at least one BPMN or DMN file.", "InvalidRequestException");
        var validator = new BpmnValidator(expressions, handlers.Names);
        var result = new List<(DeploymentResource, ProcessModel, string)>();
        var keys = new HashSet<string>();
        foreach (var resource in request.Resources.Where(r => !IsDecisionFile(r.Name)))
        {
            if (!resource.Name.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase) && !resource.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                throw new WorkflowException($"'{resource.Name}' is not a BPMN or DMN file (.bpmn, .bpmn20.xml or .dmn).", "InvalidRequestException");
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resource.Content)));
            foreach (var model in BpmnParser.Parse(resource.Name, resource.Content))
            {
                if (Validate(validator, model) is { Count: > 0 } problems)
                    throw new DefinitionException(resource.Name, problems);
                if (!keys.Add(model.Key))
                    throw new WorkflowException($"Process key '{model.Key}' appears twice in this deployment.", "InvalidRequestException");
                result.Add((resource, model, sha));
            }
        }
        return result;
    }

    private List<DefinitionProblem> Validate(BpmnValidator validator, ProcessModel model) =>
        [.. validator.Validate(model), .. rules.SelectMany(r => r.Check(model))];
}
