using Lapor.Domain.Reports;
using Lapor.Workflows.Execution;

namespace Lapor.Host.Tasks;

/// <summary>The variables a completed form sets, or the reasons it was refused (then <see cref="Values"/> is empty).</summary>
public sealed record FormBinding(IReadOnlyDictionary<string, TypedValue> Values, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
