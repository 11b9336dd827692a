using Lapor.Workflows.Timers;

namespace Lapor.Workflows.Definitions;

/// <summary>A timer event definition as written: the text may be an expression evaluated when the timer starts.</summary>
public sealed record TimerDefinition(TimerKind Kind, string Text);
