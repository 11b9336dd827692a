using System.Diagnostics.CodeAnalysis;

namespace Lapor.Domain.Reports;

/// <summary>
/// Either a value built from a person's input or the reasons it could not be built. Input mistakes are
/// expected, so they come back as data for the form instead of as exceptions.
/// </summary>
public sealed class Validated<T>
    where T : class
{
    private Validated(T? value, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    internal static Validated<T> Success(T value) => new(value, []);

    internal static Validated<T> Failure(IReadOnlyList<FieldError> errors) => new(null, errors);
}
