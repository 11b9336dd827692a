using Lapor.Workflows.Calendars;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Semantics;

/// <summary>Timers, messages, service retries and sub-processes, checked on the interpreter alone.</summary>
public sealed class WaitSemanticsTests
{
    // Friday 6 March 2026, 10:00 in Bali (UTC+8); the next Monday is declared a holiday below.
    private static readonly DateTimeOffset Friday = new(2026, 3, 6, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Bali = TimeZoneInfo.CreateCustomTimeZone("WITA", TimeSpan.FromHours(8), "WITA", "WITA");

    private static string TaskWithDeadline(bool interrupting) => Bpmn.Process($"""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="respond" camunda:candidateGroups="dinkes" camunda:dueDate="P5WD"/>
        <bpmn:boundaryEvent id="deadline" attachedToRef="respond" cancelActivity="{(interrupting ? "true" : "false")}">
          <bpmn:timerEventDefinition><bpmn:timeDuration>P5WD</bpmn:timeDuration></bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:userTask id="escalate" camunda:candidateGroups="inspektorat"/>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="escalated"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="respond"/>
        <bpmn:sequenceFlow id="f2" sourceRef="respond" targetRef="end"/>
        <bpmn:sequenceFlow id="f3" sourceRef="deadline" targetRef="escalate"/>
        <bpmn:sequenceFlow id="f4" sourceRef="escalate" targetRef="escalated"/>
        """);

    private static BusinessCalendar CalendarWithHoliday() =>
        new([new Holiday(new DateOnly(2026, 3, 9), "Libur uji", HolidayKind.National, null)], Bali);

    [Fact]
    public void DeadlineInWorkingDays_SkipsTheWeekendAndTheHoliday_ForTheTimerAndTheDueDate()
    {
        var instance = new PureInstance(TaskWithDeadline(interrupting: true), Friday, CalendarWithHoliday()).Start();

        // Five working days after Friday: Tue 10, Wed 11, Thu 12, Fri 13, Mon 16 (Sat, Sun and Mon 9 are off).
        var expected = new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8));
        var job = Assert.Single(instance.Jobs("deadline"));
        Assert.Equal(JobType.Timer, job.Type);
        Assert.Equal(expected, job.DueAt);
        Assert.Equal(expected, Assert.Single(instance.TasksCreated()).Due);
    }

    [Fact]
    public void InterruptingBoundaryTimer_CancelsTheTask_AndFollowsTheEscalationPath()
    {
        var instance = new PureInstance(TaskWithDeadline(interrupting: true), Friday).Start();

        instance.Fire("deadline");

        Assert.Equal(["escalate"], instance.Positions());
        Assert.Contains(instance.Last.OfType<Effect.ActivityEnded>(), e => e.Node.Id == "respond" && e.Canceled);
        Assert.Contains(instance.Last.OfType<Effect.WaitsCancelled>(), w => w.Node.Id == "respond" && w.Reason.Contains("deadline"));
        Assert.Contains("deadline", instance.Started());
    }

    [Fact]
    public void NonInterruptingBoundaryTimer_KeepsTheTask_AndAddsAParallelPath()
    {
        var instance = new PureInstance(TaskWithDeadline(interrupting: false), Friday).Start();

        instance.Fire("deadline");

        Assert.Equal(["escalate", "respond"], instance.Positions());
        Assert.DoesNotContain(instance.Last.OfType<Effect.ActivityEnded>(), e => e.Canceled);
    }

    [Fact]
    public void ATimerForAnEarlierVisit_IsStale_AndChangesNothing()
    {
        var instance = new PureInstance(TaskWithDeadline(interrupting: true), Friday).Start();
        var job = Assert.Single(instance.Jobs("deadline"));
        instance.Complete("respond");
        Assert.Equal(InstanceStatus.Completed, instance.State.Status);

        var other = new PureInstance(TaskWithDeadline(interrupting: true), Friday).Start();
        other.Apply(new Trigger.FireTimer(job.TokenId, job.ActivityId, "an-earlier-visit", 0, job.DueAt));

        Assert.True(other.LastWasStale);
        Assert.Empty(other.Last);
        Assert.Equal(["respond"], other.Positions());
    }

    [Fact]
    public void ReceiveTask_SubscribesToItsMessage_AndDeliveryMovesOnWithTheMessageVariables()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:receiveTask id="waitReply" messageRef="mReply"/>
            <bpmn:userTask id="review" camunda:assignee="demo"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitReply"/>
            <bpmn:sequenceFlow id="f2" sourceRef="waitReply" targetRef="review"/>
            """, root: """<bpmn:message id="mReply" name="ReporterReplied"/>"""), Friday).Start();

        var subscription = Assert.Single(instance.Last.OfType<Effect.SubscriptionCreated>());
        Assert.Equal("ReporterReplied", subscription.MessageName);

        instance.Apply(new Trigger.DeliverMessage(subscription.TokenId, "waitReply", subscription.ActivityInstanceId,
            new Dictionary<string, TypedValue> { ["reply"] = TypedValue.From("Lampu sudah diganti") }));

        Assert.Equal(["review"], instance.Positions());
        Assert.Equal("Lampu sudah diganti", instance.Variable("reply"));
    }

    [Fact]
    public void EventBasedGateway_TheFirstEventWins_AndTheOtherWaitIsDropped()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:eventBasedGateway id="race"/>
            <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="mReply"/></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="quiet"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="answered" camunda:assignee="demo"/>
            <bpmn:endEvent id="closed"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="race"/>
            <bpmn:sequenceFlow id="f2" sourceRef="race" targetRef="reply"/>
            <bpmn:sequenceFlow id="f3" sourceRef="race" targetRef="quiet"/>
            <bpmn:sequenceFlow id="f4" sourceRef="reply" targetRef="answered"/>
            <bpmn:sequenceFlow id="f5" sourceRef="quiet" targetRef="closed"/>
            """, root: """<bpmn:message id="mReply" name="ReporterReplied"/>"""), Friday).Start();

        Assert.Equal(Friday.AddHours(2), Assert.Single(instance.Jobs("quiet")).DueAt);
        Assert.Single(instance.Last.OfType<Effect.SubscriptionCreated>());

        instance.Fire("quiet");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        Assert.Contains(instance.Last.OfType<Effect.WaitsCancelled>(), w => w.Node.Id == "race");
    }

    [Fact]
    public void FailingServiceTask_IsRetriedOnItsCycle_ThenRaisesAnIncident()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="send" camunda:delegateExpression="${national}">
              <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R2/PT5M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
            <bpmn:sequenceFlow id="f2" sourceRef="send" targetRef="end"/>
            """), Friday).Start();
        var request = Assert.Single(instance.Last.OfType<Effect.ServiceInvocationRequested>());

        instance.Apply(new Trigger.ServiceFailed(request.TokenId, request.ActivityInstanceId, 1, "gateway down"));
        var retry = Assert.Single(instance.Last.OfType<Effect.JobCreated>()).Job;
        Assert.Equal(JobType.ServiceRetry, retry.Type);
        Assert.Equal(Friday.AddMinutes(5), retry.DueAt);

        instance.Apply(new Trigger.ServiceFailed(request.TokenId, request.ActivityInstanceId, 2, "gateway down"));
        var incident = Assert.Single(instance.Last.OfType<Effect.IncidentRaised>());
        Assert.Contains("gateway down", incident.Message);
        Assert.Equal(["send"], instance.Positions());

        instance.Apply(new Trigger.ServiceSucceeded(request.TokenId, request.ActivityInstanceId, new Dictionary<string, TypedValue>()));
        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
    }

    [Fact]
    public void ErrorThrownInASubProcess_IsCaughtByItsBoundary_AndTheScopeEnds()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:subProcess id="handling">
              <bpmn:startEvent id="innerStart"/>
              <bpmn:userTask id="check" camunda:assignee="demo"/>
              <bpmn:exclusiveGateway id="ok" default="fine"/>
              <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="notOurs"/></bpmn:endEvent>
              <bpmn:endEvent id="innerEnd"/>
              <bpmn:sequenceFlow id="i1" sourceRef="innerStart" targetRef="check"/>
              <bpmn:sequenceFlow id="i2" sourceRef="check" targetRef="ok"/>
              <bpmn:sequenceFlow id="bad" sourceRef="ok" targetRef="fail"><bpmn:conditionExpression>${!ours}</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="fine" sourceRef="ok" targetRef="innerEnd"/>
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="caught" attachedToRef="handling"><bpmn:errorEventDefinition errorRef="notOurs"/></bpmn:boundaryEvent>
            <bpmn:userTask id="forward" camunda:candidateGroups="inspektorat"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handling"/>
            <bpmn:sequenceFlow id="f2" sourceRef="handling" targetRef="end"/>
            <bpmn:sequenceFlow id="f3" sourceRef="caught" targetRef="forward"/>
            """, root: """<bpmn:error id="notOurs" errorCode="BUKAN_KEWENANGAN"/>"""), Friday).Start();

        var scope = Assert.Single(instance.State.Tokens, t => t.State == TokenState.Scope);
        Assert.Equal("handling", scope.ActivityId);
        Assert.Equal(scope.Id, instance.WaitingAt("check").ScopeTokenId);

        instance.Complete("check", new { ours = false });

        Assert.Equal(["forward"], instance.Positions());
        Assert.DoesNotContain(instance.State.Tokens, t => t.State == TokenState.Scope);
        Assert.Contains(instance.Last.OfType<Effect.ActivityEnded>(), e => e.Node.Id == "handling" && e.Canceled);
    }
}
