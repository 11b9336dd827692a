using Lapor.Workflows.Migration;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// A migration of many instances, worked off in chunks by a background sweep. The plan and the instance list are
/// fixed when the batch is created; <see cref="Position"/> says how far the sweep got, so a restarted host carries on
/// where the last committed chunk ended.
/// </summary>
internal sealed class MigrationBatchRow
{
    public required string Id { get; set; }
    public required string ProcessKey { get; set; }
    public required string SourceDefinitionId { get; set; }
    public required string TargetDefinitionId { get; set; }

    /// <summary>The instructions as JSON (<c>[{"SourceActivityId":..,"TargetActivityId":..}]</c>).</summary>
    public required string Instructions { get; set; }

    /// <summary>The ids of the instances to move, as a JSON array, in order.</summary>
    public required string InstanceIds { get; set; }

    public int Total { get; set; }
    public int Position { get; set; }
    public int Done { get; set; }
    public int Failed { get; set; }

    /// <summary>Per-instance failures as a JSON array of <c>{"instanceId":..,"message":..}</c>.</summary>
    public string Failures { get; set; } = "[]";

    public MigrationBatchState State { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int Revision { get; set; }
}
