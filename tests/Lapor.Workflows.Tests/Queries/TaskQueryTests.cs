using Lapor.Workflows.Persistence;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Queries;

/// <summary>The published task list on a real SQLite engine: who sees what, orders, numbered pages and cursors.</summary>
public sealed class TaskQueryTests
{
    // "p" tasks fall due after ${days} working days; "n" tasks have no due date.
    private static readonly string WithDue = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="kerja" name="Kerja ${code}" camunda:candidateGroups="${group}" camunda:priority="${prio}"
                       camunda:dueDate="${workingDays(days)}"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="kerja"/>
        """);

    private static readonly string WithoutDue = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="tinjau" name="Tinjau ${code}" camunda:candidateGroups="${group}" camunda:priority="${prio}"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tinjau"/>
        """, key: "n");

    internal static async Task<EngineHarness> EngineWithTasksAsync(string? postgresConnection = null, Action<IServiceCollection>? configure = null)
    {
        var h = new EngineHarness(configure, postgresConnection: postgresConnection);
        await h.DeployAsync(WithDue);
        await h.DeployAsync(WithoutDue, "n.bpmn");
        // Seven tasks, a minute apart, so creation order is known: (code, group, priority, working days or none), each
        // instance started with a category (see Categories).
        var tasks = new (string Code, string Group, int Priority, int? Days)[]
        {
            ("A", "dinkes", 50, 3), ("B", "dinkes", 80, 1), ("C", "dishub", 50, null), ("D", "dinkes", 20, 3),
            ("E", "dishub", 80, 2), ("F", "ombudsman", 50, null), ("G", "dinkes", 50, 1),
        };
        foreach (var t in tasks)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            var category = Categories.GetValueOrDefault(t.Code);
            if (t.Days is { } days)
                await h.StartAsync("p", new { code = t.Code, group = t.Group, prio = t.Priority, days }, businessKey: t.Code, category: category);
            else
                await h.StartAsync("n", new { code = t.Code, group = t.Group, prio = t.Priority }, businessKey: t.Code, category: category);
        }
        return h;
    }

    /// <summary>The category each task's instance was started with; F was started without one.</summary>
    private static readonly Dictionary<string, string> Categories = new()
    {
        ["A"] = "jalan", ["B"] = "sehat", ["C"] = "jalan", ["D"] = "jalan", ["E"] = "sehat", ["G"] = "sehat",
    };

    private static async Task<T> ReadAsync<T>(EngineHarness h, Func<TaskQuery, Task<T>> read)
    {
        await using var scope = h.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TaskQuery>());
    }

    private static async Task<string> TaskOfAsync(EngineHarness h, string code) =>
        (await ReadAsync(h, q => q.Open().NameContains(code).PageAsync(0, 10))).Single(t => t.Name!.EndsWith(" " + code)).Id;

    private static Task<List<string>> CodesAsync(EngineHarness h, Func<TaskList, TaskList> narrow) =>
        ReadAsync(h, async q => (await narrow(q.Open()).PageAsync(0, 100)).Select(t => t.Name![^1..]).Order().ToList());

    [Fact]
    public async Task Audience_SeesItsGroups_ItsUnclaimedGroups_AndWhatItHoldsOrOwns()
    {
        await using var h = await EngineWithTasksAsync();
        await AudienceSeesWhatTheRuleSaysAsync(h);
    }

    /// <summary>Shared with <see cref="TaskVisibilityOnPostgresTests"/>: PostgreSQL reads the same rule in another shape.</summary>
    internal static async Task AudienceSeesWhatTheRuleSaysAsync(EngineHarness h)
    {
        var a = await TaskOfAsync(h, "A");
        var e = await TaskOfAsync(h, "E");
        await h.With(x => x.ClaimAsync(a, "wayan", "wayan"));
        await h.With(x => x.ClaimAsync(e, "komang", "komang"));
        await h.With(x => x.DelegateAsync(e, "made", "komang"));

        Assert.Equal(["A", "B", "D", "G"], await CodesAsync(h, l => l.VisibleTo(new TaskAudience { Groups = ["dinkes"] })));
        Assert.Equal(["B", "D", "G"], await CodesAsync(h, l => l.VisibleTo(new TaskAudience { UnclaimedGroups = ["dinkes"] })));
        Assert.Equal(["A", "B", "D", "G"], await CodesAsync(h, l => l.VisibleTo(new TaskAudience { UnclaimedGroups = ["dinkes"], User = "wayan" })));
        // The owner of a delegated task still sees it, and so does the delegatee holding it.
        Assert.Equal(["E"], await CodesAsync(h, l => l.VisibleTo(new TaskAudience { User = "komang" })));
        Assert.Equal(["E"], await CodesAsync(h, l => l.VisibleTo(new TaskAudience { User = "made" })));
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G"],
            await CodesAsync(h, l => l.VisibleTo(new TaskAudience { Groups = ["dinkes", "dishub", "ombudsman"] })));
        Assert.Empty(await CodesAsync(h, l => l.VisibleTo(new TaskAudience())));
    }

    /// <summary>
    /// Hand-overs where holding, owning and being offered overlap: C, D, E and G claimed by komang and delegated to made;
    /// D resolved back to komang (held and owned), G given back to its group by made (owned and offered), E too unless
    /// <paramref name="giveBackE"/> is false (dishub's: owned only for a dinkes officer); C stays with made.
    /// </summary>
    private static async Task<(string C, string D, string E, string G)> HandOverAsync(EngineHarness h, bool giveBackE)
    {
        var (c, d, e, g) = (await TaskOfAsync(h, "C"), await TaskOfAsync(h, "D"), await TaskOfAsync(h, "E"), await TaskOfAsync(h, "G"));
        foreach (var task in new[] { c, d, e, g })
        {
            await h.With(x => x.ClaimAsync(task, "komang", "komang"));
            await h.With(x => x.DelegateAsync(task, "made", "komang"));
        }
        await h.With(x => x.ResolveAsync(d, null, "made"));
        await h.With(x => x.UnclaimAsync(g, "made"));
        if (giveBackE)
            await h.With(x => x.UnclaimAsync(e, "made"));
        return (c, d, e, g);
    }

    [Fact]
    public async Task AnOfficer_SeesEachTaskOnce_HoweverItIsHeldOwnedOrOffered()
    {
        await using var h = await EngineWithTasksAsync();
        await OfficerSeesEachTaskOnceAsync(h);
    }

    /// <summary>
    /// An officer (one group's unclaimed tasks, and their own) where holding, owning and being offered overlap: a
    /// delegation resolved back to its owner (held and owned), one unclaimed by the delegatee (owned and offered), one
    /// unclaimed outside the officer's group (owned only), one still with the delegatee. SQLite reads this audience as
    /// three parts one after the other; each task must come once, in the list, its count and its kinds. Shared with
    /// <see cref="TaskVisibilityOnPostgresTests"/>.
    /// </summary>
    internal static async Task OfficerSeesEachTaskOnceAsync(EngineHarness h)
    {
        var d = (await HandOverAsync(h, giveBackE: true)).D;

        var officer = new TaskAudience { UnclaimedGroups = ["dinkes"], User = "komang" };
        Assert.Equal(["A", "B", "C", "D", "E", "G"], await CodesAsync(h, l => l.VisibleTo(officer)));
        Assert.Equal(6, await ReadAsync(h, q => q.Open().VisibleTo(officer).CountAsync()));
        var kinds = await ReadAsync(h, q => q.Open().VisibleTo(officer).KindsAsync(1000));
        Assert.Equal(6, kinds.Count);
        Assert.Equal(6, kinds.Kinds.Sum(k => k.Count));
        Assert.NotNull(await ReadAsync(h, q => q.Open().VisibleTo(officer).FindAsync(d)));
        var f = await TaskOfAsync(h, "F");
        Assert.Null(await ReadAsync(h, q => q.Open().VisibleTo(officer).FindAsync(f)));
        // The delegatee holds only what is still delegated to them, and sees what they gave back to their group.
        Assert.Equal(["C", "E"], await CodesAsync(h, l => l.VisibleTo(new TaskAudience { UnclaimedGroups = ["dishub"], User = "made" })));
    }

    [Fact]
    public async Task Conditions_NarrowTheList_AndCombine()
    {
        await using var h = await EngineWithTasksAsync();
        var b = await TaskOfAsync(h, "B");
        await h.With(x => x.ClaimAsync(b, "wayan", "wayan"));
        // Monday 09:07 WITA; B and G fall due on Tuesday, E on Wednesday, A and D on Thursday.
        var now = h.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(["B"], await CodesAsync(h, l => l.AssignedTo("wayan")));
        Assert.Equal(["A", "C", "D", "E", "F", "G"], await CodesAsync(h, l => l.Unassigned()));
        Assert.Equal(["C", "F"], await CodesAsync(h, l => l.OfKind("tinjau")));
        Assert.Equal(["B", "G"], await CodesAsync(h, l => l.DueBetween(now, now.AddDays(1.5))));
        Assert.Equal(["A", "B", "D", "E", "G"], await CodesAsync(h, l => l.DueBefore(now.AddDays(30))));
        Assert.Equal(["D", "E", "F", "G"], await CodesAsync(h, l => l.CreatedAfter(now.AddMinutes(-3.5))));
        Assert.Equal(["G"], await CodesAsync(h, l => l.NewOrDueBy(now.AddMinutes(-0.5), now.AddDays(-1))));
        Assert.Equal(["B", "G"], await CodesAsync(h, l => l.NewOrDueBy(now.AddMinutes(-0.5), now.AddDays(1.5))));
        Assert.Equal(["D", "G"], await CodesAsync(h, l => l.VisibleTo(new TaskAudience { UnclaimedGroups = ["dinkes"] })
            .DueBefore(now.AddDays(30)).NameContains("KERJA").CreatedAfter(now.AddMinutes(-3.5))));
    }

    [Fact]
    public async Task InstanceIds_FromTheCallersOwnQuery_StayOneQuery()
    {
        await using var h = await EngineWithTasksAsync();
        await using var scope = h.Services.CreateAsyncScope();
        var tasks = scope.ServiceProvider.GetRequiredService<TaskQuery>();
        // Stands in for the host's "instances of reports in category X": a sub-query of the same context.
        var instances = scope.ServiceProvider.GetRequiredService<WorkflowDb>().Set<ProcessInstanceRow>();
        IQueryable<string> Keys(params string[] keys) => instances.Where(i => keys.Contains(i.BusinessKey!)).Select(i => i.Id);

        var inCAndF = await tasks.Open().InInstances(Keys("C", "F")).PageAsync(0, 10);
        Assert.Equal(["C", "F"], inCAndF.Select(t => t.Name![^1..]).Order());
        var byNameOrC = await tasks.Open().NameContains("kerja", Keys("C")).PageAsync(0, 10);
        Assert.Equal(["A", "B", "C", "D", "E", "G"], byNameOrC.Select(t => t.Name![^1..]).Order());
        var listed = await tasks.Open().InInstances(inCAndF.Select(t => t.InstanceId).ToList()).CountAsync();
        Assert.Equal(2, listed);
        Assert.Equal(3, await tasks.Open().CountAsync(atMost: 3));
        Assert.Equal(7, await tasks.Open().CountAsync());
    }

    [Theory]
    [InlineData(TaskOrder.Due, "BGEADCF")]
    [InlineData(TaskOrder.Priority, "BEGACFD")]
    [InlineData(TaskOrder.Newest, "GFEDCBA")]
    public async Task NumberedPagesAndCursors_ReadTheSameOrder(TaskOrder order, string expected)
    {
        await using var h = await EngineWithTasksAsync();

        var numbered = new List<TaskSummary>();
        for (var page = 0; page < 3; page++)
            numbered.AddRange(await ReadAsync(h, q => q.Open().OrderBy(order).PageAsync(page * 3, 3)));
        Assert.Equal(expected, string.Concat(numbered.Select(t => t.Name![^1..])));
        // A list the caller counted is sorted whole, not walked: the same pages.
        var counted = new List<TaskSummary>();
        for (var page = 0; page < 3; page++)
            counted.AddRange(await ReadAsync(h, q => q.Open().OrderBy(order).PageAsync(page * 3, 3, listed: 7)));
        Assert.Equal(expected, string.Concat(counted.Select(t => t.Name![^1..])));
        await CountedPagesAsync(h, order, expected);

        var keyed = new List<TaskSummary>();
        TaskCursor? after = null;
        while (await ReadAsync(h, q => q.Open().OrderBy(order).AfterAsync(after, 2)) is { Count: > 0 } next)
        {
            keyed.AddRange(next);
            after = TaskCursor.After(next[^1]);
        }
        Assert.Equal(expected, string.Concat(keyed.Select(t => t.Name![^1..])));
    }

    /// <summary>
    /// Counted and paged in one read of the order keys, sorted in memory: the database's order, and the count; past the
    /// limit, counted as far as the limit and paged as an uncounted list. Shared with <see cref="TaskVisibilityOnPostgresTests"/>.
    /// </summary>
    internal static async Task CountedPagesAsync(EngineHarness h, TaskOrder order, string expected)
    {
        var keysRead = new List<TaskSummary>();
        for (var page = 0; page < 3; page++)
        {
            var read = await ReadAsync(h, q => q.Open().OrderBy(order).CountedPageAsync(page * 3, 3, atMost: 10));
            Assert.Equal((7, false), (read.Count, read.More));
            keysRead.AddRange(read.Page);
        }
        Assert.Equal(expected, string.Concat(keysRead.Select(t => t.Name![^1..])));
        var beyond = await ReadAsync(h, q => q.Open().OrderBy(order).CountedPageAsync(3, 3, atMost: 5));
        Assert.Equal((5, true), (beyond.Count, beyond.More));
        Assert.Equal(expected[3..6], string.Concat(beyond.Page.Select(t => t.Name![^1..])));
    }

    [Fact]
    public async Task ACursor_DoesNotRepeatTasks_CreatedWhileReading()
    {
        await using var h = await EngineWithTasksAsync();
        var first = await ReadAsync(h, q => q.Open().OrderBy(TaskOrder.Newest).AfterAsync(null, 3));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.StartAsync("n", new { code = "H", group = "dinkes", prio = 50 });

        var second = await ReadAsync(h, q => q.Open().OrderBy(TaskOrder.Newest).AfterAsync(TaskCursor.After(first[^1]), 3));
        Assert.Equal("GFE", string.Concat(first.Select(t => t.Name![^1..])));
        Assert.Equal("DCB", string.Concat(second.Select(t => t.Name![^1..])));
        // A numbered page, by contrast, shifts: page 2 now starts with E again.
        var shifted = await ReadAsync(h, q => q.Open().OrderBy(TaskOrder.Newest).PageAsync(3, 3));
        Assert.Equal("EDC", string.Concat(shifted.Select(t => t.Name![^1..])));
    }

    [Fact]
    public async Task OneTask_ComesWithItsCandidates_AndKinds_AreListedOnce()
    {
        await using var h = await EngineWithTasksAsync();
        await OneTaskAndKindsAsync(h);
    }

    internal static async Task OneTaskAndKindsAsync(EngineHarness h)
    {
        var a = await TaskOfAsync(h, "A");

        var task = await ReadAsync(h, q => q.FindAsync(a));
        Assert.NotNull(task);
        Assert.Equal(["dinkes"], task.CandidateGroups);
        Assert.Empty(task.CandidateUsers);
        Assert.Equal(50, task.Priority);
        Assert.Null(await ReadAsync(h, q => q.FindAsync("no-such-task")));
        Assert.Null(await ReadAsync(h, q => q.Open().VisibleTo(new TaskAudience { Groups = ["dishub"] }).FindAsync(a)));

        var kinds = await ReadAsync(h, q => q.Open().VisibleTo(new TaskAudience { Groups = ["dinkes"] }).KindsAsync());
        // The four dinkes tasks are one kind; its name is one of theirs.
        var kind = Assert.Single(kinds);
        Assert.Equal("kerja", kind.Key);
        Assert.StartsWith("Kerja ", kind.Name);
        // Counted across the names its tasks carry: the kinds' counts add up to the list's count.
        Assert.Equal(4, kind.Count);
        Assert.Equal(kind.Count, await ReadAsync(h, q => q.Open().VisibleTo(new TaskAudience { Groups = ["dinkes"] }).CountAsync()));
    }

    [Fact]
    public async Task KindsUpToALimit_AreCountedBelowIt_AndBeyondIt_AreEveryOpenKindUncounted()
    {
        await using var h = await EngineWithTasksAsync();
        await KindsUpToALimitAsync(h);
    }

    internal static async Task KindsUpToALimitAsync(EngineHarness h)
    {
        var all = await ReadAsync(h, q => q.Open().KindsAsync(atMost: 7));
        Assert.False(all.More);
        Assert.Equal(7, all.Count);
        Assert.Equal([("kerja", 5), ("tinjau", 2)], all.Kinds.Select(k => (k.Key, k.Count)).Order());

        var beyond = await ReadAsync(h, q => q.Open().KindsAsync(atMost: 6));
        Assert.True(beyond.More);
        Assert.Equal(6, beyond.Count);
        Assert.Equal(["kerja", "tinjau"], beyond.Kinds.Select(k => k.Key).Order());
        Assert.All(beyond.Kinds, k => Assert.StartsWith(k.Key == "kerja" ? "Kerja " : "Tinjau ", k.Name));

        // An agency's four tasks, counted to 3: the kinds offered are every open kind, its own or not (a choice may find
        // nothing), rather than a count of every task it may see.
        var dinkes = await ReadAsync(h, q => q.Open().VisibleTo(new TaskAudience { Groups = ["dinkes"] }).KindsAsync(atMost: 3));
        Assert.True(dinkes.More);
        Assert.Equal(["kerja", "tinjau"], dinkes.Kinds.Select(k => k.Key).Order());
        var counted = await ReadAsync(h, q => q.Open().VisibleTo(new TaskAudience { Groups = ["dinkes"] }).KindsAsync(atMost: 4));
        Assert.False(counted.More);
        Assert.Equal([("kerja", 4)], counted.Kinds.Select(k => (k.Key, k.Count)));

        var nobody = await ReadAsync(h, q => q.Open().VisibleTo(new TaskAudience()).KindsAsync(atMost: 3));
        Assert.False(nobody.More);
        Assert.Empty(nobody.Kinds);
    }

    /// <summary>
    /// A page in due order is read along the (Due, CreatedAt) index and stops after its rows; sorting every listed task
    /// for it (what an ORDER BY on "Due IS NULL" made SQLite do) cost a coordinator 80 ms a page at 100,000 open tasks.
    /// </summary>
    /// <summary>
    /// A counted page of a filtered list reads the list once (its order keys, sorted here) and then its page's rows by id:
    /// a count and a sorted page each worked the filters out again, which at a million reports is an officer's 3,800
    /// tasks against a category's 2,200 open reports, twice.
    /// </summary>
    [Fact]
    public async Task ACountedPage_ReadsTheListOnce_ThenItsRowsById()
    {
        var sql = new SqlRecorder();
        await using var h = await EngineWithTasksAsync(configure: services => services.ConfigureDbContext<WorkflowDb>(o => o.AddInterceptors(sql)));
        sql.Commands.Clear();

        var read = await ReadAsync(h, q => q.Open().VisibleTo(new TaskAudience { UnclaimedGroups = ["dinkes"] }).OrderBy(TaskOrder.Due)
            .CountedPageAsync(1, 2, atMost: 10));

        Assert.Equal("GA", string.Concat(read.Page.Select(t => t.Name![^1..])));
        Assert.Equal((4, false), (read.Count, read.More));
        Assert.Equal(2, sql.Commands.Count);
        Assert.Single(sql.Commands, c => c.Contains("wf_task_candidate"));
        Assert.DoesNotContain("wf_task_candidate", sql.Commands.ElementAt(1));
    }

    [Fact]
    public async Task ADuePage_WalksTheDueIndex_InsteadOfSortingEveryTask()
    {
        var sql = new SqlRecorder();
        await using var h = await EngineWithTasksAsync(configure: services => services.ConfigureDbContext<WorkflowDb>(o => o.AddInterceptors(sql)));
        sql.Commands.Clear();

        var page = await ReadAsync(h, q => q.Open().PageAsync(0, 3));

        Assert.Equal("BGE", string.Concat(page.Select(t => t.Name![^1..])));
        var statement = Assert.Single(sql.Commands);
        var plan = await h.Query(db => QueryPlan.OfAsync(db, statement, parameterValue: 3));
        Assert.Contains("IX_wf_task_Due_CreatedAt", plan);
        Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", plan);
    }

    [Fact]
    public async Task ACategory_NarrowsEveryAudience_ToItsTasks()
    {
        await using var h = await EngineWithTasksAsync();
        await CategoryNarrowsEveryAudienceAsync(h);
    }

    /// <summary>
    /// <c>InCategory</c> after <c>VisibleTo</c> narrows the candidate groups themselves, a path of its own per provider
    /// and audience: whatever the audience, it must list exactly the audience's tasks that are in the category, with the
    /// hand-overs of <see cref="OfficerSeesEachTaskOnceAsync"/> (held, owned, delegated) in play. Shared with
    /// <see cref="TaskVisibilityOnPostgresTests"/>.
    /// </summary>
    internal static async Task CategoryNarrowsEveryAudienceAsync(EngineHarness h)
    {
        await HandOverAsync(h, giveBackE: false);

        TaskAudience[] audiences =
        [
            new() { Groups = ["dinkes"] }, new() { Groups = ["dinkes", "dishub-supervisor"], User = "komang" },
            new() { Groups = ["dinkes", "dishub", "ombudsman"] }, new() { UnclaimedGroups = ["dinkes"] },
            new() { UnclaimedGroups = ["dinkes"], User = "komang" }, new() { UnclaimedGroups = ["dishub"], User = "made" },
            new() { User = "komang" },
        ];
        foreach (var audience in audiences)
        {
            var visible = await CodesAsync(h, l => l.VisibleTo(audience));
            foreach (var category in new[] { "jalan", "sehat", "lain" })
            {
                var expected = visible.Where(code => Categories.GetValueOrDefault(code) == category).ToList();
                Assert.Equal(expected, await CodesAsync(h, l => l.VisibleTo(audience).InCategory(category)));
                // After an order, and before another condition, it is the same list.
                Assert.Equal(expected, await CodesAsync(h, l => l.VisibleTo(audience).OrderBy(TaskOrder.Newest).InCategory(category)));
                // After another condition it narrows the rows, as any condition does.
                var unassigned = await CodesAsync(h, l => l.VisibleTo(audience).Unassigned());
                Assert.Equal(unassigned.Where(code => Categories.GetValueOrDefault(code) == category).ToList(),
                    await CodesAsync(h, l => l.VisibleTo(audience).Unassigned().InCategory(category)));
            }
        }
        // Those who see every task: the category alone, counted the same way.
        Assert.Equal(["A", "C", "D"], await CodesAsync(h, l => l.InCategory("jalan")));
        Assert.Equal(3, await ReadAsync(h, q => q.Open().InCategory("jalan").CountAsync()));
        Assert.Empty(await CodesAsync(h, l => l.InCategory("jalan").InCategory("sehat")));
    }

    [Fact]
    public async Task AnOfficersDuePages_AreTheWholeListsOrder_AtEveryOffset()
    {
        await using var h = await EngineWithTasksAsync();
        await OfficerPagesFollowTheWholeOrderAsync(h);
    }

    /// <summary>
    /// An officer's due-order page is merged from three parts read apart (offered, held, owned only), each cut at the
    /// page's end: at every offset and size it must be the slice of the whole list in due order, across the dated and
    /// undated tasks, also after a due date moves (the offered part reads the date its candidate rows carry) and within a
    /// category. Shared with <see cref="TaskVisibilityOnPostgresTests"/>.
    /// </summary>
    internal static async Task OfficerPagesFollowTheWholeOrderAsync(EngineHarness h)
    {
        var b = await TaskOfAsync(h, "B");
        await HandOverAsync(h, giveBackE: true);
        var officer = new TaskAudience { UnclaimedGroups = ["dinkes"], User = "komang" };

        async Task PagesFollowTheWholeOrder(string? category)
        {
            TaskList Officers(TaskList open) => category is null ? open.VisibleTo(officer) : open.VisibleTo(officer).InCategory(category);
            var theirs = await CodesAsync(h, Officers);
            var whole = (await ReadAsync(h, q => q.Open().PageAsync(0, 100))).Select(t => t.Name![^1..]).Where(theirs.Contains).ToList();
            Assert.Equal(theirs.Count, whole.Count);
            for (var offset = 0; offset <= whole.Count; offset++)
            {
                for (var size = 1; size <= 4; size++)
                {
                    var page = await ReadAsync(h, q => Officers(q.Open()).PageAsync(offset, size));
                    Assert.Equal(whole.Skip(offset).Take(size), page.Select(t => t.Name![^1..]));
                }
            }
        }

        await PagesFollowTheWholeOrder(category: null);
        // B (offered, due in one working day) moves behind every other dated task; its candidate row must follow.
        await h.With(x => x.SetDueDateAsync(b, h.Clock.GetUtcNow().AddDays(60), "Menunggu jawaban warga", "koordinator"));
        await PagesFollowTheWholeOrder(category: null);
        await PagesFollowTheWholeOrder(category: "sehat");
        await PagesFollowTheWholeOrder(category: "jalan");
    }

    [Fact]
    public async Task AnOfficersFirstPage_ReadsTheOfferedTasksInDueOrder_WithoutSortingThem()
    {
        var sql = new SqlRecorder();
        await using var h = await EngineWithTasksAsync(configure: services => services.ConfigureDbContext<WorkflowDb>(o => o.AddInterceptors(sql)));
        var a = await TaskOfAsync(h, "A");
        await h.With(x => x.ClaimAsync(a, "komang", "komang"));
        sql.Commands.Clear();

        var officer = new TaskAudience { UnclaimedGroups = ["dinkes"], User = "komang" };
        var page = await ReadAsync(h, q => q.Open().VisibleTo(officer).PageAsync(0, 2));

        Assert.Equal("BG", string.Concat(page.Select(t => t.Name![^1..])));
        // Three statements, one per part: offered, held, owned only (a full page needs none for the undated tasks).
        Assert.Equal(3, sql.Commands.Count);
        var offered = await h.Query(db => QueryPlan.OfAsync(db, sql.Commands.ElementAt(0), parameterValue: "dinkes"));
        Assert.Contains("IX_wf_task_candidate_Kind_Value_Due_CreatedAt_TaskId (Kind=? AND Value=? AND Due>?)", offered);
        Assert.DoesNotContain("TEMP B-TREE", offered);
        var held = await h.Query(db => QueryPlan.OfAsync(db, sql.Commands.ElementAt(1), parameterValue: "komang"));
        Assert.Contains("IX_wf_task_Assignee_Due_Category (Assignee=? AND Due>?)", held);
    }

    [Fact]
    public async Task AnOfficersTasksInACategory_AreOneRangeOfTheCandidatesIndex()
    {
        var sql = new SqlRecorder();
        await using var h = await EngineWithTasksAsync(configure: services => services.ConfigureDbContext<WorkflowDb>(o => o.AddInterceptors(sql)));
        sql.Commands.Clear();

        var officer = new TaskAudience { UnclaimedGroups = ["dinkes"], User = "komang" };
        var page = await ReadAsync(h, q => q.Open().VisibleTo(officer).OrderBy(TaskOrder.Newest).InCategory("jalan").PageAsync(0, 10));

        Assert.Equal(["A", "D"], page.Select(t => t.Name![^1..]).Order().ToList());
        var plan = await h.Query(db => QueryPlan.OfAsync(db, Assert.Single(sql.Commands), parameterValue: "jalan"));
        Assert.Contains("IX_wf_task_candidate_Kind_Value_Category_Due_CreatedAt_TaskId (Kind=? AND Value=? AND Category=?)", plan);
        // The tasks the officer holds are found by their user's index, whose entries carry the category to test.
        Assert.Contains("IX_wf_task_Assignee_Due_Category (Assignee=?)", plan);
    }

    [Fact]
    public async Task ACategorysCountedPage_ReadsItsOrderKeysFromTheCategoryIndexAlone()
    {
        var sql = new SqlRecorder();
        await using var h = await EngineWithTasksAsync(configure: services => services.ConfigureDbContext<WorkflowDb>(o => o.AddInterceptors(sql)));
        sql.Commands.Clear();

        var page = await ReadAsync(h, q => q.Open().InCategory("jalan").OrderBy(TaskOrder.Due).CountedPageAsync(0, 2, 1000));

        Assert.Equal((3, false), (page.Count, page.More));
        Assert.Equal("AD", string.Concat(page.Page.Select(t => t.Name![^1..])));
        var plan = await h.Query(db => QueryPlan.OfAsync(db, sql.Commands.First(), parameterValue: "jalan"));
        Assert.Contains("COVERING INDEX IX_wf_task_Category_Due_CreatedAt_Priority_Id", plan);
    }
}
