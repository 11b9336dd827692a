namespace Lapor.Domain.Reports;

/// <summary>
/// A problem with one input field. <paramref name="Field"/> is the property name of the input
/// (<c>Title</c>, <c>Email</c>…) so the host can attach it to its form field; <paramref name="Message"/>
/// is already in the requested language.
/// </summary>
public sealed record FieldError(string Field, string Message);
