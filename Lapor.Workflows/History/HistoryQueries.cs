namespace Lapor.Workflows.History;

internal static class HistoryQueries
{
    /// <summary>
    /// One instance's rows. Every row about an instance is on the instance's own chain, whose id is the instance id
    /// (the engine-wide and audit chains never carry an instance id), so the (ChainId, Seq) index finds them; history
    /// keeps no separate index on InstanceId, which every command would have to write.
    /// </summary>
    public static IQueryable<HistoryEventRow> OfInstance(this IQueryable<HistoryEventRow> rows, string instanceId) =>
        rows.Where(h => h.ChainId == instanceId && h.InstanceId == instanceId);
}
