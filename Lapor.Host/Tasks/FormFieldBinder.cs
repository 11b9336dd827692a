using System.Globalization;
using Lapor.Domain.Reports;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;

namespace Lapor.Host.Tasks;

/// <summary>
/// Turns what a browser posted for a task's <c>camunda:formField</c>s into typed process variables, or into one
/// error per field that names the field's label and what is wrong. Pure: an error is a portal-text key with the label
/// and values, written in the reader's language by whoever shows it, so the rules are tested without a host.
/// </summary>
public static class FormFieldBinder
{
    /// <summary>Text fields without a <c>maxlength</c> constraint still have a limit: a form is not a file upload.</summary>
    public const int DefaultMaxLength = 5000;

    /// <summary>Dates are entered as calendar days in Bali; midnight WITA is the moment stored.</summary>
    public static readonly TimeSpan DateOffset = TimeSpan.FromHours(8);

    public static FormBinding Bind(
        IReadOnlyList<FormField> fields,
        Func<string, string?> posted)
    {
        var values = new Dictionary<string, TypedValue>();
        var errors = new List<FieldError>();
        foreach (var field in fields)
        {
            // A read-only field shows a value; it is never taken from the request, where anyone could change it.
            if (field.Constraints.ContainsKey("readonly"))
                continue;
            var raw = posted(field.Id);
            var error = BindOne(field, raw, out var value);
            if (error is not null)
                errors.Add(new FieldError(field.Id, error.Value.Key, [field.Label, .. error.Value.Args]));
            else
                values[field.Id] = value;
        }
        return new FormBinding(errors.Count == 0 ? values : new Dictionary<string, TypedValue>(), errors);
    }

    private static (string Key, object[] Args)? BindOne(FormField field, string? raw, out TypedValue value)
    {
        value = TypedValue.Null;
        var text = raw?.Trim();
        if (field.Type == "boolean")
        {
            var on = text is "true" or "on" or "1";
            if (!on && text is not (null or "" or "false" or "off" or "0"))
                return ("Form.NotABoolean", []);
            if (field.Required && !on)
                return ("Form.MustBeChecked", []);
            value = TypedValue.From(on);
            return null;
        }

        if (string.IsNullOrEmpty(text))
            return field.Required ? ("Form.Required", []) : null;

        switch (field.Type)
        {
            case "long":
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
                    return ("Form.NotAWholeNumber", []);
                if (OutOfRange(field, whole) is { } rangeError)
                    return rangeError;
                value = TypedValue.From(whole);
                return null;
            case "double":
                // Indonesian writes 2,5 where English writes 2.5; both are accepted, a thousands separator is not.
                var normal = text.Contains('.') ? text : text.Replace(',', '.');
                if (!double.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    || !double.IsFinite(number))
                    return ("Form.NotANumber", []);
                if (OutOfRange(field, number) is { } numberRangeError)
                    return numberRangeError;
                value = TypedValue.From(number);
                return null;
            case "date":
                if (!DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return ("Form.NotADate", []);
                if (field.Constraints.GetValueOrDefault("min") is { } minDay && day < DateOnly.ParseExact(minDay, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                    return ("Form.DateTooEarly", [minDay]);
                if (field.Constraints.GetValueOrDefault("max") is { } maxDay && day > DateOnly.ParseExact(maxDay, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                    return ("Form.DateTooLate", [maxDay]);
                value = TypedValue.From(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DateOffset));
                return null;
            case "enum":
                if (!field.Options.Any(o => o.Id == text))
                    return ("Form.NotAChoice", []);
                value = TypedValue.From(text);
                return null;
            default:
                var multiline = field.Type == "text";
                var normalised = text.ReplaceLineEndings("\n");
                if (normalised.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
                    return ("Form.ControlCharacters", []);
                var max = Limit(field, "maxlength") ?? DefaultMaxLength;
                if (normalised.Length > max)
                    return ("Form.TooLong", [max]);
                if (Limit(field, "minlength") is { } min && normalised.Length < min)
                    return ("Form.TooShort", [min]);
                value = TypedValue.From(normalised);
                return null;
        }
    }

    private static int? Limit(FormField field, string name) =>
        field.Constraints.GetValueOrDefault(name) is { } config && int.TryParse(config, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static (string Key, object[] Args)? OutOfRange(FormField field, double number)
    {
        double? Bound(string name) =>
            field.Constraints.GetValueOrDefault(name) is { } c && double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) ? b : null;
        if (Bound("min") is { } min && number < min)
            return ("Form.TooSmall", [min.ToString(CultureInfo.InvariantCulture)]);
        if (Bound("max") is { } max && number > max)
            return ("Form.TooLarge", [max.ToString(CultureInfo.InvariantCulture)]);
        return null;
    }
}
