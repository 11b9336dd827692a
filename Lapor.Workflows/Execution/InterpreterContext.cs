using Lapor.Workflows.Calendars;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Expressions;

namespace Lapor.Workflows.Execution;

/// <summary>Everything the interpreter may consult besides the instance: the model, the time of the command, the calendar.</summary>
public sealed record InterpreterContext(
    ProcessModel Model,
    DateTimeOffset Now,
    BusinessCalendar Calendar,
    ExpressionEvaluator Expressions,
    Func<string> NewId)
{
    /// <summary>A command that runs this many steps without reaching a wait state is looping; it is refused.</summary>
    public int MaxSteps { get; init; } = 10_000;
}
