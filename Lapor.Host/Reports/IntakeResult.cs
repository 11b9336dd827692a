using Lapor.Domain.Reports;

namespace Lapor.Host.Reports;

/// <summary>Either the stored report (with its tracking code) or every reason it was refused, per field.</summary>
public sealed record IntakeResult(Report? Report, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Report is not null;
}
