using System.Globalization;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Migration;

/// <summary>
/// Decides, without I/O, whether a plan makes sense and whether each instance can move under it. The rules are
/// Camunda 7's, simplified: every waiting token needs an instruction; the target must be the same kind of element
/// and sit in the sub-process its parent's token moves to; ended and suspended instances stay where they are.
/// </summary>
public static class MigrationPlanner
{
    /// <summary>The default plan: every element a token can wait at that has the same id and kind in both versions.</summary>
    public static IReadOnlyList<MigrationInstruction> DefaultInstructions(ProcessModel source, ProcessModel target) =>
        source.Nodes.Values
            .Where(n => CanWaitAt(source, n) && target.Nodes.TryGetValue(n.Id, out var t) && KindOf(t) == KindOf(n))
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new MigrationInstruction(n.Id, n.Id))
            .ToList();

    /// <summary>Elements where a token can rest between commands, i.e. what a plan needs instructions for.</summary>
    public static bool CanWaitAt(ProcessModel model, FlowNode node) => node switch
    {
        UserTask or ServiceTask or ReceiveTask or IntermediateCatchEvent or EventBasedGateway or SubProcess => true,
        ParallelGateway => model.Incoming(node.Id).Count > 1,
        _ => false,
    };

    /// <summary>Problems of the plan as a whole: instructions naming elements that do not exist, or pairing different kinds.</summary>
    public static IReadOnlyList<string> CheckPlan(MigrationPlan plan, ProcessModel source, ProcessModel target)
    {
        var problems = new List<string>();
        foreach (var duplicate in plan.Instructions.GroupBy(i => i.SourceActivityId).Where(g => g.Count() > 1))
            problems.Add($"activity '{duplicate.Key}' is mapped more than once");
        foreach (var instruction in plan.Instructions)
        {
            if (!source.Nodes.TryGetValue(instruction.SourceActivityId, out var from))
                problems.Add($"source activity '{instruction.SourceActivityId}' does not exist in the source version");
            else if (!target.Nodes.TryGetValue(instruction.TargetActivityId, out var to))
                problems.Add($"mapped target '{instruction.TargetActivityId}' does not exist in the target version");
            else if (KindOf(from) != KindOf(to))
                problems.Add(NotSameKind(from, to));
        }
        return problems;
    }

    public static InstanceMigrationCheck Check(MigrationPlan plan, ProcessModel source, ProcessModel target, MigrationCandidate instance)
    {
        var problems = new List<MigrationReason>();
        if (instance.Status != InstanceStatus.Active)
            problems.Add(MigrationReason.Of("Ended", "instance has ended ({0})", instance.Status.ToString()));
        else if (instance.DefinitionId != plan.SourceDefinitionId)
            problems.Add(MigrationReason.Of("OtherVersion", "instance runs on another version ('{0}')", instance.DefinitionId));
        else if (instance.Suspended)
            problems.Add(MigrationReason.Of("Suspended", "instance is suspended"));
        else
            problems.AddRange(TokenProblems(plan, source, target, instance.Positions));
        var activities = instance.Positions.Select(p => p.ActivityId).Distinct().ToList();
        return new InstanceMigrationCheck(instance.InstanceId, instance.BusinessKey, activities, problems);
    }

    private static IEnumerable<MigrationReason> TokenProblems(MigrationPlan plan, ProcessModel source, ProcessModel target, IReadOnlyList<MigrationCandidate.Position> positions)
    {
        var byToken = positions.ToDictionary(p => p.TokenId);
        foreach (var position in positions.OrderBy(p => p.ScopeTokenId is null ? 0 : 1))
        {
            if (!source.Nodes.TryGetValue(position.ActivityId, out var from))
            {
                yield return MigrationReason.Of("SourceActivityMissing", "active in activity '{0}' which the source version does not have", position.ActivityId);
                continue;
            }
            if (plan.TargetOf(from.Id) is not { } targetId)
            {
                yield return MigrationReason.Of("NoMapping", "active in activity '{0}' which has no mapping", from.Id);
                continue;
            }
            if (!target.Nodes.TryGetValue(targetId, out var to))
            {
                yield return MigrationReason.Of("TargetMissing", "mapped target '{0}' does not exist in the target version", targetId);
                continue;
            }
            if (KindOf(from) != KindOf(to))
            {
                yield return MigrationReason.Of("NotSameKind", "mapped target '{0}' is not the same kind of element as '{1}' ({2}, not {3})", to.Id, from.Id, KindOf(to), KindOf(from));
                continue;
            }
            if (from is ParallelGateway && source.Incoming(from.Id).Count != target.Incoming(to.Id).Count)
                yield return MigrationReason.Of("JoinCount", "mapped target '{0}' joins {1} flows, not {2}", to.Id,
                    target.Incoming(to.Id).Count.ToString(CultureInfo.InvariantCulture), source.Incoming(from.Id).Count.ToString(CultureInfo.InvariantCulture));
            // The target must sit where the token's sub-process goes; a scope without a mapping is reported on its own token.
            var parentTarget = position.ScopeTokenId is { } scopeId && byToken.TryGetValue(scopeId, out var scope)
                ? plan.TargetOf(scope.ActivityId) ?? to.ScopeId
                : null;
            if (to.ScopeId != parentTarget)
                yield return new MigrationReason("OtherSubProcess", $"target '{to.Id}' is inside a different sub-process ({Describe(to.ScopeId)} instead of {Describe(parentTarget)})",
                    [to.Id, to.ScopeId ?? "", parentTarget ?? ""]);
        }
    }

    /// <summary>The element's kind for mapping: its BPMN type, and for events what they wait for.</summary>
    public static string KindOf(FlowNode node) => node switch
    {
        IntermediateCatchEvent { Timer: not null } => "timer intermediateCatchEvent",
        IntermediateCatchEvent => "message intermediateCatchEvent",
        BoundaryEvent b => $"{b.Kind.ToString().ToLowerInvariant()} boundaryEvent",
        EndEvent e => $"{e.Kind.ToString().ToLowerInvariant()} endEvent",
        StartEvent { MessageName: not null } => "message startEvent",
        _ => node.BpmnType,
    };

    private static string NotSameKind(FlowNode from, FlowNode to) =>
        $"mapped target '{to.Id}' is not the same kind of element as '{from.Id}' ({KindOf(to)}, not {KindOf(from)})";

    private static string Describe(string? scopeId) => scopeId is null ? "the process itself" : $"sub-process '{scopeId}'";
}
