using System.Text.Json;
using Lapor.Workflows.Decisions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The decision editor's side, like <see cref="ProcessDesigns"/> for processes: drafts that are never evaluated, a
/// check with the deployer's own rules, and publishing a draft as the next version of its decisions.
/// </summary>
public sealed class DecisionDesigns(DbContext db, Deployer deployer, TimeProvider clock)
{
    public const string SaveDraftOperation = "SaveDecisionDraft";

    public async Task<DesignDraft?> FindDraftAsync(string key, CancellationToken ct = default) =>
        await db.Set<DecisionDraftRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, ct) is { } row ? DesignDraft.Of(row) : null;

    /// <summary>The newest published version of the decision, with its DMN; null when it was never published.</summary>
    public async Task<DeployedDefinition?> LatestAsync(string key, CancellationToken ct = default) =>
        await db.Set<DecisionDefinitionRow>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct) is { } row
            ? DeployedDefinition.Of(row)
            : null;

    public async Task<DeployedDefinition?> FindVersionAsync(string key, int version, CancellationToken ct = default) =>
        await db.Set<DecisionDefinitionRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Version == version, ct) is { } row
            ? DeployedDefinition.Of(row)
            : null;

    /// <summary>Every published version with who published it and why, newest first within a key.</summary>
    public async Task<IReadOnlyList<ProcessVersion>> VersionsAsync(string? key = null, CancellationToken ct = default)
    {
        var query =
            from d in db.Set<DecisionDefinitionRow>().AsNoTracking()
            join dep in db.Set<DeploymentRow>().AsNoTracking() on d.DeploymentId equals dep.Id
            where key == null || d.Key == key
            select new ProcessVersion(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, dep.DeployedBy, dep.Comment, dep.Source);
        var versions = await query.ToListAsync(ct);
        return versions.OrderBy(v => v.Key, StringComparer.Ordinal).ThenByDescending(v => v.Version).ToList();
    }

    public async Task<IReadOnlyList<DesignDraft>> DraftsAsync(CancellationToken ct = default) =>
        (await db.Set<DecisionDraftRow>().AsNoTracking().OrderBy(d => d.Key).ToListAsync(ct)).Select(DesignDraft.Of).ToList();

    /// <summary>Every problem publishing <paramref name="xml"/> would refuse; empty when it would publish.</summary>
    public IReadOnlyList<DefinitionProblem> Check(string xml) => Deployer.CheckDecisions(xml);

    public async Task<DesignDraft> SaveDraftAsync(string key, string xml, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > ProcessDesigns.MaxKeyLength)
            throw new WorkflowException($"A draft needs a decision key of 1 to {ProcessDesigns.MaxKeyLength} characters.", "InvalidRequestException");
        if (xml.Length > BpmnParser.MaxCharacters)
            throw new WorkflowException($"The draft has {xml.Length:N0} characters; the limit is {BpmnParser.MaxCharacters:N0}.", "InvalidRequestException");
        if (DmnParser.CheckMarkup(xml) is [var refused, ..])
            throw new WorkflowException($"The draft was not saved: {refused.Message}", "InvalidRequestException");

        var now = WorkflowClock.Utc(clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var latest = await db.Set<DecisionDefinitionRow>().AsNoTracking().Where(d => d.Key == key).MaxAsync(d => (int?)d.Version, ct);
        var draft = await db.Set<DecisionDraftRow>().FirstOrDefaultAsync(d => d.Key == key, ct);
        if (draft is null)
        {
            draft = new DecisionDraftRow { Key = key, Xml = xml, SavedBy = actor, SavedAt = now, BaseVersion = latest };
            db.Add(draft);
        }
        else
        {
            draft.Xml = xml;
            draft.SavedBy = actor;
            draft.SavedAt = now;
        }
        var history = await HistoryWriter.OpenAsync(db, Deployer.EngineChain, ct);
        history.Append(new HistoryEventRow
        {
            Kind = HistoryEventKind.UserOperation, Time = now, Actor = actor, Name = SaveDraftOperation, Value = key,
            Detail = JsonSerializer.Serialize(new { decisionDefinitionKey = key, characters = xml.Length }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await history.FlushAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new WorkflowConflictException($"Someone else saved the draft of '{key}' at the same moment; save again.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return DesignDraft.Of(draft);
    }

    /// <summary>
    /// Publishes the DMN as the next version of each of its decisions and discards their drafts, in one transaction.
    /// An invalid table throws <see cref="DefinitionException"/> listing every problem and changes nothing.
    /// </summary>
    public async Task<DeploymentResult> PublishAsync(string xml, string? comment, string actor, CancellationToken ct = default)
    {
        var tables = DmnParser.Parse("draft.dmn", xml);
        var key = tables[0].Key;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = new DeploymentRequest(key, [new DeploymentResource(key + ".dmn", xml)], Source: ProcessDesigns.Source,
            Comment: string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        var result = await deployer.DeployAsync(request, actor, ct);
        var keys = tables.Select(t => t.Key).ToList();
        await db.Set<DecisionDraftRow>().Where(d => keys.Contains(d.Key)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}
