using Lapor.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Localization;

/// <summary>Writes a <see cref="FieldError"/> in the current UI language: its key and any field label come from the portal texts.</summary>
public static class FieldErrorText
{
    public static string Message(this IStringLocalizer<PortalText> text, FieldError error) =>
        text[error.Key, [.. error.Arguments.Select(a => a is FieldLabel label ? Label(text, label) : a ?? "")]];

    // A field the texts do not name (a task form's own field) is shown by its name.
    private static string Label(IStringLocalizer<PortalText> text, FieldLabel label) =>
        text[label.Key] is { ResourceNotFound: false } found ? found.Value : label.Field;
}
