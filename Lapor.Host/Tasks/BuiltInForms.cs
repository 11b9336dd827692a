using Lapor.Workflows.Definitions;

namespace Lapor.Host.Tasks;

/// <summary>The built-in forms of the default process; the field ids are the variables the process reads.</summary>
public static class BuiltInForms
{
    public const string Prefix = "lapor:";

    /// <summary>A <c>camunda:property</c> on a form field: <c>picker=agency</c> makes any generated field an institution picker.</summary>
    public const string PickerProperty = "picker";

    public static readonly BuiltInForm Verification = new(
        "lapor:verification",
        ChoiceField: "decision",
        FieldsByChoice: new Dictionary<string, IReadOnlyList<string>>
        {
            ["verify"] = ["agency"],
            ["hold"] = ["reason"],
            ["notInRemit"] = ["reason"],
            ["archive"] = ["archiveReason", "reason"],
        },
        AgencyFields: new HashSet<string> { "agency" },
        DefaultFields:
        [
            Choice("decision", "verify", "hold", "notInRemit", "archive"),
            Text("agency"),
            Choice("archiveReason", "hoax", "duplicate", "tooGeneral", "notPublicService") with { Required = false },
            Text("reason", "text"),
        ]);

    public static readonly BuiltInForm Response = new(
        "lapor:response",
        ChoiceField: "outcome",
        FieldsByChoice: new Dictionary<string, IReadOnlyList<string>>
        {
            ["respond"] = ["response"],
            ["forward"] = ["forwardTo", "forwardReason"],
            ["ask"] = ["question"],
        },
        AgencyFields: new HashSet<string> { "forwardTo" },
        DefaultFields:
        [
            Choice("outcome", "respond", "forward", "ask"),
            Text("response", "text"),
            Text("forwardTo"),
            Text("forwardReason", "text"),
            Text("question", "text"),
        ]);

    public static readonly BuiltInForm Escalation = new(
        "lapor:escalation",
        ChoiceField: null,
        FieldsByChoice: new Dictionary<string, IReadOnlyList<string>>(),
        AgencyFields: new HashSet<string> { "agency" },
        DefaultFields:
        [
            Text("agency") with { Required = true },
            Text("escalationNote", "text"),
        ]);

    /// <summary>Every built-in form, for the check that each of their texts exists in both languages.</summary>
    public static readonly IReadOnlyList<BuiltInForm> All = [Verification, Response, Escalation];

    private static readonly Dictionary<string, BuiltInForm> ByKey =
        All.ToDictionary(f => f.Key, StringComparer.Ordinal);

    /// <summary>The built-in form for a form key, or null for tasks whose form is generated from their fields alone.</summary>
    public static BuiltInForm? For(string? formKey) => formKey is null ? null : ByKey.GetValueOrDefault(formKey);

    /// <summary>A <c>lapor:</c> key this version does not know: shown to the officer rather than silently ignored.</summary>
    public static bool IsUnknownBuiltIn(string? formKey) => formKey?.StartsWith(Prefix, StringComparison.Ordinal) == true && For(formKey) is null;

    /// <summary>Whether a field picks an institution, by the built-in form or by the field's own <c>picker</c> property.</summary>
    public static bool IsAgencyField(BuiltInForm? form, FormField field) =>
        form?.AgencyFields.Contains(field.Id) == true || field.Properties.GetValueOrDefault(PickerProperty) == "agency";

    // Labels and option names are left empty here: the form's texts are portal texts keyed by form, field and option
    // (BuiltInForm.TextKey), written in the officer's language when the form is shown.
    private static FormField Choice(string id, params string[] options) =>
        new(id, "", "enum", options[0], Required: true, options.Select(o => new FormFieldOption(o, "")).ToList(), new Dictionary<string, string>());

    private static FormField Text(string id, string type = "string") =>
        new(id, "", type, null, Required: false, [], new Dictionary<string, string>());
}
