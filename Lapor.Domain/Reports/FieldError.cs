namespace Lapor.Domain.Reports;

/// <summary>
/// A problem with one input field. <paramref name="Field"/> is the property name of the input
/// (<c>Title</c>, <c>Email</c>…) so the host can attach it to its form field; <paramref name="Key"/> names the
/// sentence in the portal's texts and <paramref name="Arguments"/> fill its placeholders. The host writes the
/// sentence in the reader's language, so the same refusal reads right on a page, in an API answer or in a log.
/// </summary>
public sealed record FieldError(string Field, string Key, params object?[] Arguments)
{
    // Two errors are the same when they would read the same: the arguments count by value, not by array.
    public bool Equals(FieldError? other) =>
        other is not null && Field == other.Field && Key == other.Key && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Field, Key, Arguments.Length);

    public override string ToString() => $"{Field}: {Key}({string.Join(", ", Arguments)})";
}
