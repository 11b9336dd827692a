using Lapor.Workflows.Definitions;

namespace Lapor.Workflows.Execution;

/// <summary>
/// Questions migration asks of the target version, answered without moving anything: what a token waiting at a node
/// would wait on, and what its human task would look like. Run on an interpreter built for the target model.
/// </summary>
public sealed partial class Interpreter
{
    /// <summary>The timers and message subscriptions a token at <paramref name="node"/> has, as if it entered at the context's time.</summary>
    public IReadOnlyList<Effect> WaitsAt(Token token, FlowNode node)
    {
        var from = _effects.Count;
        switch (node)
        {
            case EventBasedGateway:
                foreach (var flow in Model.Outgoing(node.Id))
                    CreateEventWait(token, Model.Node(flow.TargetId));
                break;
            case IntermediateCatchEvent or ReceiveTask:
                CreateEventWait(token, node);
                break;
        }
        if (node.IsActivity)
            CreateBoundaryWaits(token, node);
        var waits = _effects.Skip(from).ToList();
        _effects.RemoveRange(from, _effects.Count - from);
        return waits;
    }

    /// <summary>The human task <paramref name="task"/> would create for <paramref name="token"/> now (its id is thrown away).</summary>
    public NewHumanTask HumanTaskAt(Token token, UserTask task) => CreateHumanTask(token, task);
}
