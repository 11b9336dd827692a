using System.Security.Cryptography;
using System.Text;
using Lapor.Workflows.Decisions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// DMN files in a deployment: each decision becomes the next version of its key, with the same duplicate filtering
/// and the same all-or-nothing rule as processes (one unreadable cell refuses the whole deployment).
/// </summary>
public sealed partial class Deployer
{
    /// <summary>DMN resources: <c>.dmn</c>, and Camunda's <c>.dmn11.xml</c> / <c>.dmn.xml</c>.</summary>
    public static bool IsDecisionFile(string name) =>
        name.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dmn11.xml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".dmn.xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem deploying this DMN XML would refuse, each naming its element; empty when it would deploy.</summary>
    public static IReadOnlyList<DefinitionProblem> CheckDecisions(string xml)
    {
        var problems = new List<DefinitionProblem>();
        DmnParser.TryParse(xml, problems);
        return problems;
    }

    private static List<(DeploymentResource Resource, DecisionTable Table, string Sha)> ParseDecisions(DeploymentRequest request)
    {
        var result = new List<(DeploymentResource, DecisionTable, string)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in request.Resources.Where(r => IsDecisionFile(r.Name)))
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resource.Content)));
            foreach (var table in DmnParser.Parse(resource.Name, resource.Content))
            {
                if (!keys.Add(table.Key))
                    throw new WorkflowException($"Decision key '{table.Key}' appears twice in this deployment.", "InvalidRequestException");
                result.Add((resource, table, sha));
            }
        }
        return result;
    }

    private async Task<(List<DecisionDefinitionRow> Deployed, List<DecisionDefinitionRow> Unchanged, List<(string Id, DecisionTable Table)> Tables)> AddDecisionsAsync(
        DeploymentRequest request, List<(DeploymentResource Resource, DecisionTable Table, string Sha)> parsed, DeploymentRow deployment, DateTime now,
        CancellationToken ct)
    {
        var deployed = new List<DecisionDefinitionRow>();
        var unchanged = new List<DecisionDefinitionRow>();
        var tables = new List<(string, DecisionTable)>();
        foreach (var (resource, table, sha) in parsed)
        {
            var latest = await db.Set<DecisionDefinitionRow>().AsNoTracking().Where(d => d.Key == table.Key)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
            if (request.DuplicateFiltering && await SameDecisionAsBeforeAsync(table.Key, sha, latest, request.Source, ct))
            {
                unchanged.Add(latest!);
                continue;
            }
            if (request.YieldToOtherSources && latest is not null && await DecisionSourceAsync(latest, ct) != request.Source)
            {
                unchanged.Add(latest);
                continue;
            }
            var version = (latest?.Version ?? 0) + 1;
            var row = new DecisionDefinitionRow
            {
                Id = $"{table.Key}:{version}:{deployment.Id}", Key = table.Key, Version = version, Name = table.Name, DeploymentId = deployment.Id,
                ResourceName = resource.Name, Xml = resource.Content, XmlSha256 = sha, DeployedAt = now,
            };
            db.Add(row);
            deployed.Add(row);
            tables.Add((row.Id, table));
        }
        return (deployed, unchanged, tables);
    }

    private Task<string?> DecisionSourceAsync(DecisionDefinitionRow definition, CancellationToken ct) =>
        db.Set<DeploymentRow>().AsNoTracking().Where(d => d.Id == definition.DeploymentId).Select(d => d.Source).FirstOrDefaultAsync(ct);

    /// <summary>As for processes: with a source, compared with the last version deployed from that source; else with the latest.</summary>
    private async Task<bool> SameDecisionAsBeforeAsync(string key, string sha, DecisionDefinitionRow? latest, string? source, CancellationToken ct)
    {
        if (latest is null)
            return false;
        if (source is null)
            return latest.XmlSha256 == sha;
        var fromSource = await (
                from d in db.Set<DecisionDefinitionRow>().AsNoTracking()
                join dep in db.Set<DeploymentRow>().AsNoTracking() on d.DeploymentId equals dep.Id
                where d.Key == key && dep.Source == source
                orderby d.Version descending
                select d.XmlSha256)
            .FirstOrDefaultAsync(ct);
        return fromSource == sha;
    }
}
