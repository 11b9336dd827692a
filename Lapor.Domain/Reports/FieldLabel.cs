namespace Lapor.Domain.Reports;

/// <summary>An argument of a <see cref="FieldError"/> that stands for an input's label, written by the host in the reader's language.</summary>
public sealed record FieldLabel(string Field)
{
    /// <summary>The label's key in the portal's texts.</summary>
    public string Key => "Field." + Field;
}
