using Lapor.Workflows.Queries;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Queries;

/// <summary>
/// Who sees which task, on PostgreSQL: there the rule is one condition on each task row rather than a list of ids
/// (<c>TaskList.VisibleTo</c>), so the same cases as on SQLite must hold for it too; an agency seeing another's task
/// would be a leak.
/// </summary>
public sealed class TaskVisibilityOnPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Audience_SeesItsGroups_ItsUnclaimedGroups_AndWhatItHoldsOrOwns()
    {
        await using var h = await TaskQueryTests.EngineWithTasksAsync(await server.NewDatabaseAsync());
        await TaskQueryTests.AudienceSeesWhatTheRuleSaysAsync(h);
    }

    [Fact]
    public async Task AnOfficer_SeesEachTaskOnce_HoweverItIsHeldOwnedOrOffered()
    {
        await using var h = await TaskQueryTests.EngineWithTasksAsync(await server.NewDatabaseAsync());
        await TaskQueryTests.OfficerSeesEachTaskOnceAsync(h);
    }

    [Fact]
    public async Task ACategory_NarrowsEveryAudience_ToItsTasks()
    {
        await using var h = await TaskQueryTests.EngineWithTasksAsync(await server.NewDatabaseAsync());
        await TaskQueryTests.CategoryNarrowsEveryAudienceAsync(h);
    }

    [Fact]
    public async Task AnOfficersDuePages_AreTheWholeListsOrder_AtEveryOffset()
    {
        await using var h = await TaskQueryTests.EngineWithTasksAsync(await server.NewDatabaseAsync());
        await TaskQueryTests.OfficerPagesFollowTheWholeOrderAsync(h);
    }

    [Fact]
    public async Task OneTask_ComesWithItsCandidates_AndKinds_AreListedOnce()
    {
        await using var h = await TaskQueryTests.EngineWithTasksAsync(await server.NewDatabaseAsync());
        await TaskQueryTests.OneTaskAndKindsAsync(h);
    }

    [Fact]
    public async Task KindsUpToALimit_AreCountedBelowIt_AndBeyondIt_AreEveryOpenKindUncounted()
    {
        await using var h = await TaskQueryTests.EngineWithTasksAsync(await server.NewDatabaseAsync());
        await TaskQueryTests.KindsUpToALimitAsync(h);
    }

    /// <summary>A counted page sorts the order keys in memory: it must read PostgreSQL's order too.</summary>
    [Theory]
    [InlineData(TaskOrder.Due, "BGEADCF")]
    [InlineData(TaskOrder.Priority, "BEGACFD")]
    [InlineData(TaskOrder.Newest, "GFEDCBA")]
    public async Task CountedPages_ReadTheDatabasesOrder(TaskOrder order, string expected)
    {
        await using var h = await TaskQueryTests.EngineWithTasksAsync(await server.NewDatabaseAsync());
        await TaskQueryTests.CountedPagesAsync(h, order, expected);
    }
}
