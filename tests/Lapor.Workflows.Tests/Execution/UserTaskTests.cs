using Microsoft.EntityFrameworkCore;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Execution;

public sealed class UserTaskTests
{
    [Fact]
    public async Task CompletedTaskInHistory_NamesItsCandidates()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="verifikasi" camunda:candidateGroups="dinkes,inspektorat" camunda:candidateUsers="budi"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verifikasi"/>
            <bpmn:sequenceFlow id="f2" sourceRef="verifikasi" targetRef="end"/>
            """));
        var id = await h.StartAsync();
        var task = await h.SingleTaskAsync(id, "verifikasi");

        await h.With(e => e.CompleteTaskAsync(task.Id, null, "budi"));

        var detail = await h.Query(async db => (await new Lapor.Workflows.History.HistoryEvents(db).OfChainAsync(id))
            .Where(r => r.TaskId == task.Id && r.Kind == Lapor.Workflows.History.HistoryEventKind.TaskCompleted).Select(r => r.Detail).Single());
        Assert.Contains("\"CandidateUsers\":[\"budi\"]", detail);
        Assert.Contains("\"CandidateGroups\":[\"dinkes\",\"inspektorat\"]", detail);
        Assert.Equal(0, await h.Query(db => db.Set<TaskCandidateRow>().CountAsync(c => c.TaskId == task.Id)));
    }

    [Fact]
    public async Task CompletingEachTaskInTurn_EndsTheInstance()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();
        Assert.Equal(["a"], await h.PositionsAsync(id));

        await h.CompleteAsync(id, "a");
        Assert.Equal(["b"], await h.PositionsAsync(id));

        await h.CompleteAsync(id, "b", new { answer = "done" });
        Assert.Empty(await h.PositionsAsync(id));
        var instance = await h.InstanceAsync(id);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.NotNull(instance.EndedAt);
        Assert.Equal("done", (await h.LastVariablesAsync(id))["answer"]);
        Assert.Empty(await h.VariablesAsync(id));
        Assert.Equal(["start", "a", "b", "end"], await h.CompletedActivitiesAsync(id));
    }

    [Fact]
    public async Task CamundaAttributes_AreEvaluatedWhenTheTaskIsCreated()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="verify" name="Verifikasi ${code}" camunda:assignee="${officer}"
                           camunda:candidateUsers="ani, budi" camunda:candidateGroups="${agency},inspektorat"
                           camunda:dueDate="P5WD" camunda:followUpDate="P2D" camunda:priority="${urgent ? 80 : 40}"
                           camunda:formKey="lapor:verification">
              <bpmn:extensionElements>
                <camunda:properties><camunda:property name="stage" value="Menunggu verifikasi"/></camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verify"/>
            <bpmn:sequenceFlow id="f2" sourceRef="verify" targetRef="end"/>
            """));
        var id = await h.StartAsync(variables: new { code = "LPR-7", officer = "wayan", agency = "dinkes", urgent = true });

        var task = await h.SingleTaskAsync(id, "verify");
        Assert.Equal("Verifikasi LPR-7", task.Name);
        Assert.Equal("wayan", task.Assignee);
        Assert.Equal(["ani", "budi"], task.Candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).Order());
        Assert.Equal(["dinkes", "inspektorat"], task.Candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).Order());
        Assert.Equal(80, task.Priority);
        Assert.Equal("lapor:verification", task.FormKey);
        // Started Monday 2 March 2026 09:00 WITA: five working days later is Monday 9 March, same hour.
        Assert.Equal(new DateTime(2026, 3, 9, 1, 0, 0, DateTimeKind.Utc), task.Due);
        Assert.Equal(new DateTime(2026, 3, 4, 1, 0, 0, DateTimeKind.Utc), task.FollowUp);
    }

    [Fact]
    public async Task DueDateInWorkingDays_SkipsNyepiAndIdulFitri()
    {
        var calendar = new BusinessCalendar(HolidayFile.LoadDirectory(RepoFiles.Calendars), CalendarZones.Wita);
        await using var h = new EngineHarness(calendar: calendar);
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="respond" camunda:candidateGroups="dinkes" camunda:dueDate="${workingDays(5)}"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="respond"/>
            """));
        // Wednesday 18 March 2026, 10:00 WITA: the day before Nyepi.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 18, 2, 0, 0, TimeSpan.Zero));
        var id = await h.StartAsync();

        var due = (await h.SingleTaskAsync(id, "respond")).Due!.Value;
        var local = TimeZoneInfo.ConvertTimeFromUtc(due, CalendarZones.Wita);
        var days = Enumerable.Range(1, (local.Date - new DateTime(2026, 3, 18)).Days)
            .Select(d => DateOnly.FromDateTime(new DateTime(2026, 3, 18).AddDays(d)))
            .Count(calendar.IsWorkingDay);
        Assert.Equal(5, days);
        Assert.True(local.Date > new DateTime(2026, 3, 25), $"due {local:yyyy-MM-dd} should fall after the Nyepi and Lebaran holidays");
        Assert.Equal(10, local.Hour);
    }

    [Fact]
    public async Task CompletingATaskThatIsAlreadyCompleted_IsAConflictNamingWhoDidIt()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();
        var task = await h.SingleTaskAsync(id, "a");
        await h.With(e => e.CompleteTaskAsync(task.Id, null, "made"));

        var error = await Assert.ThrowsAsync<Errors.WorkflowConflictException>(() => h.With(e => e.CompleteTaskAsync(task.Id, null, "ketut")));
        Assert.Contains("already completed by made", error.Message);
        Assert.Equal(["b"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task ClaimDelegateResolve_FollowCamundaRules()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="a" camunda:candidateGroups="dinkes"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="end"/>
            """));
        var id = await h.StartAsync();
        var task = await h.SingleTaskAsync(id, "a");

        await h.With(e => e.ClaimAsync(task.Id, "ani", "ani"));
        await Assert.ThrowsAsync<Errors.WorkflowConflictException>(() => h.With(e => e.ClaimAsync(task.Id, "budi", "budi")));
        await h.With(e => e.DelegateAsync(task.Id, "budi", "ani"));
        var delegated = await h.SingleTaskAsync(id, "a");
        Assert.Equal(("budi", "ani", "PENDING"), (delegated.Assignee, delegated.Owner, delegated.DelegationState));

        await Assert.ThrowsAsync<Errors.WorkflowException>(() => h.With(e => e.CompleteTaskAsync(task.Id, null, "budi")));
        await h.With(e => e.ResolveAsync(task.Id, EngineHarness.Vars(new { checkedBy = "budi" }), "budi"));
        var resolved = await h.SingleTaskAsync(id, "a");
        Assert.Equal(("ani", "RESOLVED"), (resolved.Assignee, resolved.DelegationState));

        await h.With(e => e.UnclaimAsync(task.Id, "ani"));
        Assert.Null((await h.SingleTaskAsync(id, "a")).Assignee);
        await h.With(e => e.CompleteTaskAsync(task.Id, null, "ani"));
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
        Assert.Equal("budi", (await h.LastVariablesAsync(id))["checkedBy"]);
    }

    [Fact]
    public async Task SetDueDate_NeedsAReason_AndLogsOldValueNewValueAndReason()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="a" camunda:candidateGroups="dinkes" camunda:dueDate="P2D"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="end"/>
            """));
        var id = await h.StartAsync();
        var task = await h.SingleTaskAsync(id, "a");
        var newDue = new DateTimeOffset(2030, 1, 7, 1, 0, 0, TimeSpan.Zero);

        await Assert.ThrowsAsync<Errors.WorkflowException>(() => h.With(e => e.SetDueDateAsync(task.Id, newDue, "  ", "koordinator")));
        Assert.Equal(task.Due, (await h.SingleTaskAsync(id, "a")).Due);

        await h.With(e => e.SetDueDateAsync(task.Id, newDue, "Menunggu hasil uji laboratorium", "koordinator"));
        Assert.Equal(newDue.UtcDateTime, (await h.SingleTaskAsync(id, "a")).Due);
        var logged = await h.Query(async db => (await new Lapor.Workflows.History.HistoryEvents(db).OfChainAsync(id))
            .Where(r => r.InstanceId == id && r.Kind == Lapor.Workflows.History.HistoryEventKind.UserOperation && r.Name == "SetDueDate").Single());
        Assert.Equal("koordinator", logged.Actor);
        Assert.Contains("Menunggu hasil uji laboratorium", logged.Detail);
        Assert.Contains("2030-01-07T01:00:00", logged.Detail);
    }
}
