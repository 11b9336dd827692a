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
            Choice("decision", "Keputusan", ("verify", "Verifikasi dan disposisi ke instansi"), ("hold", "Tunda: minta data dari pelapor"),
                ("notInRemit", "Bukan wewenang: teruskan ke instansi lain"), ("archive", "Arsipkan")),
            Text("agency", "Instansi yang bertanggung jawab"),
            Choice("archiveReason", "Alasan arsip", ("hoax", "Hoaks"), ("duplicate", "Duplikat"), ("tooGeneral", "Terlalu umum"),
                ("notPublicService", "Bukan pelayanan publik")) with { Required = false },
            Text("reason", "Alasan / catatan untuk pelapor", "text"),
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
            Choice("outcome", "Hasil", ("respond", "Tanggapi laporan"), ("forward", "Bukan wewenang kami: teruskan"),
                ("ask", "Minta data tambahan dari pelapor")),
            Text("response", "Tanggapan untuk pelapor", "text"),
            Text("forwardTo", "Teruskan ke instansi"),
            Text("forwardReason", "Alasan penerusan", "text"),
            Text("question", "Pertanyaan untuk pelapor", "text"),
        ]);

    public static readonly BuiltInForm Escalation = new(
        "lapor:escalation",
        ChoiceField: null,
        FieldsByChoice: new Dictionary<string, IReadOnlyList<string>>(),
        AgencyFields: new HashSet<string> { "agency" },
        DefaultFields:
        [
            Text("agency", "Instansi yang menindaklanjuti") with { Required = true },
            Text("escalationNote", "Catatan eskalasi", "text"),
        ]);

    private static readonly Dictionary<string, BuiltInForm> ByKey =
        new[] { Verification, Response, Escalation }.ToDictionary(f => f.Key, StringComparer.Ordinal);

    /// <summary>The built-in form for a form key, or null for tasks whose form is generated from their fields alone.</summary>
    public static BuiltInForm? For(string? formKey) => formKey is null ? null : ByKey.GetValueOrDefault(formKey);

    /// <summary>A <c>lapor:</c> key this version does not know: shown to the officer rather than silently ignored.</summary>
    public static bool IsUnknownBuiltIn(string? formKey) => formKey?.StartsWith(Prefix, StringComparison.Ordinal) == true && For(formKey) is null;

    /// <summary>Whether a field picks an institution, by the built-in form or by the field's own <c>picker</c> property.</summary>
    public static bool IsAgencyField(BuiltInForm? form, FormField field) =>
        form?.AgencyFields.Contains(field.Id) == true || field.Properties.GetValueOrDefault(PickerProperty) == "agency";

    private static FormField Choice(string id, string label, params (string Id, string Name)[] options) =>
        new(id, label, "enum", options[0].Id, Required: true, options.Select(o => new FormFieldOption(o.Id, o.Name)).ToList(), new Dictionary<string, string>());

    private static FormField Text(string id, string label, string type = "string") =>
        new(id, label, type, null, Required: false, [], new Dictionary<string, string>());
}
