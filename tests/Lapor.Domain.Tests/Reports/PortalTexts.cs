using System.Globalization;
using System.Xml.Linq;
using Lapor.Domain.Reports;

namespace Lapor.Domain.Tests.Reports;

/// <summary>
/// The sentence a citizen reads for a <see cref="FieldError"/>. The domain only names the sentence; its words live in
/// the host's portal texts, read here from the repository, so these tests still say what a person is told.
/// </summary>
internal static class PortalTexts
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Indonesian = new(() => Load("PortalText.resx"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(() => Load("PortalText.en.resx"));

    /// <summary>The text under <paramref name="key"/> in <paramref name="language"/>; null when there is none.</summary>
    public static string? Get(string key, string language) =>
        (language == "en" ? English.Value : Indonesian.Value).GetValueOrDefault(key);

    /// <summary>The error's field and its sentence in <paramref name="language"/> ("id" or "en").</summary>
    public static (string Field, string Text) Written(this FieldError error, string language = "id")
    {
        var texts = language == "en" ? English.Value : Indonesian.Value;
        var args = error.Arguments.Select(a => a is FieldLabel label ? texts[label.Key] : a).ToArray();
        return (error.Field, string.Format(CultureInfo.InvariantCulture, texts[error.Key], args));
    }

    private static IReadOnlyDictionary<string, string> Load(string file)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Lapor.sln")))
            folder = folder.Parent;
        var path = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Lapor.sln not found above the test binaries."),
            "Lapor.Host", "Resources", "Localization", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);
    }
}
