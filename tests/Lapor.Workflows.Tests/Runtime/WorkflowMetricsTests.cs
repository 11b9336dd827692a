using System.Diagnostics.Metrics;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Runtime;

/// <summary>The engine's meter <c>Lapor.Workflows</c>: how long each command took, and timers that fired.</summary>
public sealed class WorkflowMetricsTests
{
    private static readonly string TimerThenTask = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:intermediateCatchEvent id="quiet"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="respond" camunda:candidateGroups="dinkes"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="quiet"/>
        <bpmn:sequenceFlow id="f2" sourceRef="quiet" targetRef="respond"/>
        <bpmn:sequenceFlow id="f3" sourceRef="respond" targetRef="end"/>
        """);

    [Fact]
    public async Task EachCommand_RecordsItsDurationAndOutcome_AndAFiredTimerIsCounted()
    {
        await using var h = new EngineHarness();
        using var recorded = new Recorded(h.Services.GetRequiredService<IMeterFactory>());
        await h.DeployAsync(TimerThenTask);

        var id = await h.StartAsync();
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromMinutes(119)));
        Assert.Equal(0, recorded.TimersFired);
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromMinutes(1)));
        var task = await h.SingleTaskAsync(id, "respond");
        await h.With(e => e.ClaimAsync(task.Id, "ketut", "ketut"));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => h.With(e => e.ClaimAsync(task.Id, "wayan", "wayan")));

        Assert.Equal(1, recorded.TimersFired);
        Assert.Equal(["Claim:conflict", "Claim:ok", "FireJob:ok", "Start:ok"], recorded.Commands.Select(c => $"{c.Command}:{c.Outcome}").Order());
        Assert.All(recorded.Commands, c => Assert.True(c.Seconds > 0));
    }

    /// <summary>Listens to this engine's meter only: other tests' engines run in parallel with meters of the same name.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Command, string Outcome, double Seconds)> _commands = [];
        private long _timersFired;

        public Recorded(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == WorkflowMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                string command = "?", outcome = "?";
                foreach (var tag in tags)
                {
                    if (tag.Key == "command")
                        command = tag.Value as string ?? "?";
                    else if (tag.Key == "outcome")
                        outcome = tag.Value as string ?? "?";
                }
                lock (_commands)
                    _commands.Add((command, outcome, value));
            });
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _timersFired, value));
            _listener.Start();
        }

        public long TimersFired => Interlocked.Read(ref _timersFired);

        public IReadOnlyList<(string Command, string Outcome, double Seconds)> Commands
        {
            get { lock (_commands) return [.. _commands]; }
        }

        public void Dispose() => _listener.Dispose();
    }
}
