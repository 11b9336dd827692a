using Lapor.Workflows.Definitions;
using Lapor.Host.Localization;
using Lapor.Workflows.Execution;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Tasks;

/// <summary>
/// A form the product knows by its <c>camunda:formKey</c> (<c>lapor:verification</c>, <c>lapor:response</c>,
/// <c>lapor:escalation</c>). It renders the task's declared fields like a generated form, and adds what a generated
/// form cannot know: which fields pick an institution, which fields belong to which choice, and which become
/// required by that choice (a forward needs a reason, an answer needs text).
/// </summary>
/// <param name="ChoiceField">The enum field whose value decides which other fields apply; null when none does.</param>
/// <param name="FieldsByChoice">For each choice, the fields it shows and requires.</param>
/// <param name="AgencyFields">Fields rendered as a picker of active institutions and checked against the catalogue.</param>
/// <param name="DefaultFields">Used when the task declares no fields, so a designer who removed them still gets a working form.</param>
public sealed record BuiltInForm(
    string Key,
    string? ChoiceField,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FieldsByChoice,
    IReadOnlySet<string> AgencyFields,
    IReadOnlyList<FormField> DefaultFields)
{
    /// <summary>Fields the chosen option makes mandatory but the posted form left empty.</summary>
    public IEnumerable<string> MissingFor(IReadOnlyDictionary<string, TypedValue> values)
    {
        if (ChoiceField is null || values.GetValueOrDefault(ChoiceField)?.Value is not string choice)
            return [];
        return FieldsByChoice.GetValueOrDefault(choice, [])
            .Where(id => values.GetValueOrDefault(id)?.Value is null or "");
    }

    /// <summary>The portal text of a default field's label, or of one of its options: <c>BuiltInForm.verification.decision.verify</c>.</summary>
    public string TextKey(string fieldId, string? optionId = null) =>
        $"BuiltInForm.{Key[BuiltInForms.Prefix.Length..]}.{fieldId}" + (optionId is null ? "" : "." + optionId);

    /// <summary>The default fields with their labels and option names in the current UI language.</summary>
    public IReadOnlyList<FormField> DefaultFieldsIn(IStringLocalizer<PortalText> text) =>
        DefaultFields.Select(f => f with
        {
            Label = text[TextKey(f.Id)],
            Options = f.Options.Select(o => o with { Name = text[TextKey(f.Id, o.Id)] }).ToList(),
        }).ToList();

    /// <summary>The choices that show <paramref name="fieldId"/>; empty when the field is always shown.</summary>
    public IReadOnlyList<string> ChoicesShowing(string fieldId) =>
        FieldsByChoice.Where(c => c.Value.Contains(fieldId)).Select(c => c.Key).ToList();
}
