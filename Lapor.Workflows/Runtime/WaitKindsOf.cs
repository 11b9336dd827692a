using Lapor.Workflows.Definitions;

namespace Lapor.Workflows.Runtime;

/// <summary>Which <see cref="WaitKinds"/> a token at a node can have: its own wait plus its boundary events'.</summary>
internal static class WaitKindsOf
{
    public static WaitKinds At(ProcessModel model, FlowNode node)
    {
        var kinds = node switch
        {
            UserTask => WaitKinds.Task,
            ServiceTask => WaitKinds.Job | WaitKinds.Incident,
            ReceiveTask => WaitKinds.Subscription,
            IntermediateCatchEvent { Timer: not null } => WaitKinds.Job,
            IntermediateCatchEvent => WaitKinds.Subscription,
            EventBasedGateway => WaitKinds.Job | WaitKinds.Subscription,
            _ => WaitKinds.None,
        };
        foreach (var boundary in model.BoundaryEvents(node.Id))
        {
            kinds |= boundary.Kind switch
            {
                BoundaryEventKind.Timer => WaitKinds.Job,
                BoundaryEventKind.Message => WaitKinds.Subscription,
                _ => WaitKinds.None,
            };
        }
        return kinds;
    }
}
