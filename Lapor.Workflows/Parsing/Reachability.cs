using Lapor.Workflows.Definitions;

namespace Lapor.Workflows.Parsing;

/// <summary>
/// What cannot be reached from the start event, reported by cause: one missing flow cuts off every element after it,
/// and a list of forty "cannot be reached" errors hides the one flow to draw. So each element nothing leads to is a
/// problem of its own (<c>NoIncoming</c>), and the elements cut off only because of it are its
/// <see cref="DefinitionProblem.Consequences"/>. What is left (say a loop with no way in) is reported once per loop.
/// </summary>
internal static class Reachability
{
    public static IEnumerable<DefinitionProblem> Check(ProcessModel model)
    {
        var reached = Walk(model, model.Nodes.Values.OfType<StartEvent>().Where(s => s.ScopeId is null).Select(s => s.Id), _ => true).ToHashSet();
        var explained = new HashSet<string>();
        var problems = new List<DefinitionProblem>();

        // Causes first: elements with no incoming flow at all (start and boundary events need none).
        foreach (var node in model.Nodes.Values.Where(n => n is not (StartEvent or BoundaryEvent) && model.Incoming(n.Id).Count == 0))
        {
            explained.Add(node.Id);
            problems.Add(new DefinitionProblem(node.Id, "The element has no incoming sequence flow, so it can never be reached.") { Code = "NoIncoming" });
        }
        for (var i = 0; i < problems.Count; i++)
            problems[i] = problems[i] with { Consequences = CutOff(model, problems[i].ElementId!, reached, explained) };

        // The rest cannot be reached although something leads to them: a loop without a way in, or elements behind one.
        foreach (var node in model.Nodes.Values.Where(n => !reached.Contains(n.Id) && !explained.Contains(n.Id)))
        {
            if (node is StartEvent && model.Incoming(node.Id).Count == 0)
                continue;
            explained.Add(node.Id);
            problems.Add(new DefinitionProblem(node.Id, "The element cannot be reached from the start event.")
            {
                Code = "Unreachable", Consequences = CutOff(model, node.Id, reached, explained),
            });
        }
        return problems;
    }

    /// <summary>The unreached elements after <paramref name="causeId"/> not yet explained by an earlier cause; marks them explained.</summary>
    private static IReadOnlyList<string> CutOff(ProcessModel model, string causeId, HashSet<string> reached, HashSet<string> explained)
    {
        var after = Walk(model, [causeId], id => !reached.Contains(id));
        var mine = after.Where(id => id != causeId && !explained.Contains(id) && model.Nodes.ContainsKey(id)).ToList();
        explained.UnionWith(mine);
        return mine;
    }

    /// <summary>Every element reachable from <paramref name="from"/> (including it) through flows, boundary events and sub-process starts.</summary>
    private static List<string> Walk(ProcessModel model, IEnumerable<string> from, Func<string, bool> allowed)
    {
        var seen = new HashSet<string>();
        var order = new List<string>();
        var queue = new Queue<string>(from);
        while (queue.TryDequeue(out var id))
        {
            if (!allowed(id) || !seen.Add(id))
                continue;
            order.Add(id);
            if (!model.Nodes.TryGetValue(id, out var node))
                continue;
            foreach (var flow in model.Outgoing(id))
                queue.Enqueue(flow.TargetId);
            foreach (var boundary in model.BoundaryEvents(id))
                queue.Enqueue(boundary.Id);
            if (node is SubProcess && model.NoneStart(node.Id) is { } start)
                queue.Enqueue(start.Id);
        }
        return order;
    }
}
