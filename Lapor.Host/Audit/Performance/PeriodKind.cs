namespace Lapor.Host.Audit.Performance;

public enum PeriodKind
{
    Month,
    Semester,
    Year,
}
