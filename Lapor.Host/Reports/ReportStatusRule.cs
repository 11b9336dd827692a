using Lapor.Workflows.Definitions;
using Lapor.Workflows.Parsing;

namespace Lapor.Host.Reports;

/// <summary>
/// A <c>reportStatus</c> the host does not know would be ignored while cases run, and the reporter would never be asked
/// to confirm: refused at deploy instead, naming the element.
/// </summary>
public sealed class ReportStatusRule : IDefinitionRule
{
    public IEnumerable<DefinitionProblem> Check(ProcessModel model)
    {
        foreach (var node in model.Nodes.Values)
            if (node.Properties.TryGetValue(LaporProcess.ReportStatusProperty, out var value)
                && value is not (LaporProcess.AwaitingConfirmation or LaporProcess.LegacyClosed))
                yield return new(node.Id, $"Property '{LaporProcess.ReportStatusProperty}' is '{value}'; use '{LaporProcess.AwaitingConfirmation}' on the wait where the reporter confirms or reopens.");
    }
}
