using System.Text.Json;
using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The designer's side of the definition lifecycle: drafts that never run, a check with the deployer's own rules,
/// publishing a draft as a new version with a comment, and rolling back by publishing an older version's XML again.
/// Draft saves go into the engine's user-operation log like deployments do.
/// </summary>
public sealed class ProcessDesigns(DbContext db, Deployer deployer, TimeProvider clock)
{
    /// <summary>The deployment source of versions published here, so start-up never mistakes them for shipped files.</summary>
    public const string Source = "designer";

    public const string SaveDraftOperation = "SaveDraft";
    public const string RollBackOperation = "RollBack";
    public const int MaxKeyLength = 128;

    public async Task<DesignDraft?> FindDraftAsync(string key, CancellationToken ct = default) =>
        await db.Set<ProcessDraftRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, ct) is { } row ? DesignDraft.Of(row) : null;

    /// <summary>Every open draft (one per key at most).</summary>
    public async Task<IReadOnlyList<DesignDraft>> DraftsAsync(CancellationToken ct = default) =>
        (await db.Set<ProcessDraftRow>().AsNoTracking().OrderBy(d => d.Key).ToListAsync(ct)).Select(DesignDraft.Of).ToList();

    /// <summary>Every rollback recorded in the operation log: which version it published again, and from which.</summary>
    public async Task<IReadOnlyList<RollBackDetail>> RollBacksAsync(CancellationToken ct = default)
    {
        // DeployAsync below logs rollbacks on the engine-wide chain, and only there.
        var details = (await new HistoryEvents(db).OfChainAsync(Deployer.EngineChain, ct))
            .Where(h => h.Kind == HistoryEventKind.UserOperation && h.Name == RollBackOperation)
            .Select(h => h.Detail);
        return details.Select(d => d is null ? null : JsonSerializer.Deserialize<RollBackDetail>(d)).OfType<RollBackDetail>().ToList();
    }

    public async Task<IReadOnlyList<ProcessVersion>> VersionsAsync(string? key = null, CancellationToken ct = default)
    {
        var query =
            from d in db.Set<ProcessDefinitionRow>().AsNoTracking()
            join dep in db.Set<DeploymentRow>().AsNoTracking() on d.DeploymentId equals dep.Id
            where key == null || d.Key == key
            select new ProcessVersion(d.Id, d.Key, d.Version, d.Name, d.DeployedAt, dep.DeployedBy, dep.Comment, dep.Source);
        var versions = await query.ToListAsync(ct);
        return versions.OrderBy(v => v.Key, StringComparer.Ordinal).ThenByDescending(v => v.Version).ToList();
    }

    public async Task<DeployedDefinition?> FindVersionAsync(string key, int version, CancellationToken ct = default) =>
        await db.Set<ProcessDefinitionRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Version == version, ct) is { } row
            ? DeployedDefinition.Of(row)
            : null;

    public async Task<DeployedDefinition?> LatestAsync(string key, CancellationToken ct = default) =>
        await db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct) is { } row
            ? DeployedDefinition.Of(row)
            : null;

    /// <summary>Every problem publishing <paramref name="xml"/> would refuse; empty when it would publish.</summary>
    public IReadOnlyList<DefinitionProblem> Check(string xml) => deployer.Check(xml);

    /// <summary>
    /// Stores <paramref name="xml"/> as the key's current draft, valid or not: a draft is work in progress. Nothing that
    /// runs reads drafts.
    /// </summary>
    public async Task<DesignDraft> SaveDraftAsync(string key, string xml, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
            throw new WorkflowException($"A draft needs a process key of 1 to {MaxKeyLength} characters.", "InvalidRequestException");
        if (xml.Length > BpmnParser.MaxCharacters)
            throw new WorkflowException($"The draft has {xml.Length:N0} characters; the limit is {BpmnParser.MaxCharacters:N0}.", "InvalidRequestException");
        // A draft may break BPMN rules while it is being drawn, but never the reader's: a DOCTYPE stored here would be
        // opened by the designer later with its entities expanded into labels.
        if (BpmnParser.CheckMarkup(xml) is [var refused, ..])
            throw new WorkflowException($"The draft was not saved: {refused.Message}", "InvalidRequestException");

        var now = WorkflowClock.Utc(clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var latest = await LatestAsync(key, ct);
        var draft = await db.Set<ProcessDraftRow>().FirstOrDefaultAsync(d => d.Key == key, ct);
        if (draft is null)
        {
            draft = new ProcessDraftRow { Key = key, Xml = xml, SavedBy = actor, SavedAt = now, BaseVersion = latest?.Version };
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
            Detail = JsonSerializer.Serialize(new { processDefinitionKey = key, characters = xml.Length }),
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
    /// Publishes <paramref name="xml"/> as the next version of its process and discards that key's draft, in one
    /// transaction. An invalid model throws <see cref="DefinitionException"/> listing every problem and changes nothing.
    /// </summary>
    public Task<DeploymentResult> PublishAsync(string xml, string? comment, string actor, CancellationToken ct = default) =>
        DeployAsync(xml, comment, actor, discardDraft: true, ct);

    /// <summary>
    /// Publishes an older version's XML again as a new version; the current draft, if any, is kept. The comment (why)
    /// is required: it is the new version's comment, and a <c>RollBack</c> row in the user-operation log keeps it
    /// with the version rolled back to.
    /// </summary>
    public async Task<DeploymentResult> RollBackAsync(string key, int version, string? comment, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(comment))
            throw new WorkflowException("A rollback needs a comment saying why.", "InvalidRequestException");
        var old = await FindVersionAsync(key, version, ct) ?? throw new WorkflowNotFoundException($"Process '{key}' has no version {version}.");
        return await DeployAsync(old.Xml, comment, actor, discardDraft: false, ct, rolledBackTo: version);
    }

    private async Task<DeploymentResult> DeployAsync(string xml, string? comment, string actor, bool discardDraft, CancellationToken ct, int? rolledBackTo = null)
    {
        if (Check(xml) is { Count: > 0 } problems)
            throw new DefinitionException(NameOf(xml), problems);
        var key = BpmnParser.Parse("draft.bpmn", xml)[0].Key;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = new DeploymentRequest(key, [new DeploymentResource(key + ".bpmn", xml)], Source: Source, Comment: NullIfBlank(comment));
        var result = await deployer.DeployAsync(request, actor, ct);
        if (discardDraft)
        {
            var keys = result.Deployed.Select(d => d.Key).ToList();
            await db.Set<ProcessDraftRow>().Where(d => keys.Contains(d.Key)).ExecuteDeleteAsync(ct);
        }
        if (rolledBackTo is { } from)
        {
            var history = await HistoryWriter.OpenAsync(db, Deployer.EngineChain, ct);
            history.Append(new HistoryEventRow
            {
                Kind = HistoryEventKind.UserOperation, Time = WorkflowClock.Utc(clock.GetUtcNow()), Actor = actor, Name = RollBackOperation, Value = key,
                Detail = JsonSerializer.Serialize(new RollBackDetail(key, from, result.Deployed[0].Version, NullIfBlank(comment))),
            });
            await db.SaveChangesAsync(ct);
            await history.FlushAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return result;
    }

    private static string NameOf(string xml)
    {
        var models = BpmnParser.TryParse(xml, []);
        return models.Count > 0 ? models[0].Key + ".bpmn" : "draft.bpmn";
    }

    /// <summary>The <c>RollBack</c> operation's detail: which version was published again as which, and why.</summary>
    public sealed record RollBackDetail(string Key, int FromVersion, int Version, string? Comment);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
