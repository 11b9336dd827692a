namespace Lapor.Workflows.Timers;

/// <summary>Which BPMN timer element the text came from: timeDate, timeDuration or timeCycle.</summary>
public enum TimerKind
{
    Date,
    Duration,
    Cycle,
}
