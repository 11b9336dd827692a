using System.Globalization;
using Lapor.Host.Localization;
using Lapor.Workflows.Definitions;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// Element ids as people know them: a step by its name ("Verifikasi laporan"), an unnamed flow by the steps it joins,
/// and the id only when nothing better is known. Looks in each model given, in order (a migration's source, then target).
/// </summary>
public sealed class StepNames(params ProcessModel?[] models)
{
    public bool Knows(string id) => models.Any(m => m is not null && (m.Nodes.ContainsKey(id) || m.Flows.ContainsKey(id) || m.Key == id));

    public string Of(string id)
    {
        foreach (var model in models.OfType<ProcessModel>())
        {
            if (model.Nodes.TryGetValue(id, out var node))
                return Named(node.Name) ?? id;
            if (model.Flows.TryGetValue(id, out var flow))
                return Named(flow.Name) ?? $"{Of(flow.SourceId)} → {Of(flow.TargetId)}";
            if (model.Key == id)
                return Named(model.Name) ?? id;
        }
        return id;
    }

    /// <summary>
    /// A message from the engine in the visitor's language: the text of <paramref name="key"/> with each argument
    /// that names an element (or a list of them, "a, b") replaced by what people call it; null when there is no such text.
    /// </summary>
    public string? Format(IStringLocalizer<PortalText> text, string key, IReadOnlyList<string> arguments)
    {
        var template = text[key];
        if (template.ResourceNotFound)
            return null;
        var named = arguments.Select(a => a.Split(", ") is var ids && ids.All(Knows) ? string.Join(", ", ids.Select(Of)) : a).ToArray<object>();
        return string.Format(CultureInfo.CurrentCulture, template.Value, named);
    }

    private static string? Named(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
