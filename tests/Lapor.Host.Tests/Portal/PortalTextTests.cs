using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Lapor.Host.Localization;

namespace Lapor.Host.Tests.Portal;

/// <summary>Every text the pages ask for exists in both languages, with the same placeholders.</summary>
public sealed partial class PortalTextTests
{
    private static readonly ResourceManager Resources = new("Lapor.Host.Resources.Localization.PortalText", typeof(PortalText).Assembly);

    [Fact]
    public void IndonesianAndEnglish_HaveTheSameKeysAndPlaceholders()
    {
        var indonesian = Texts(CultureInfo.InvariantCulture);
        var english = Texts(CultureInfo.GetCultureInfo("en"));

        Assert.Equal(indonesian.Keys.Order(), english.Keys.Order());
        foreach (var (key, text) in indonesian)
            Assert.True(Placeholders(text).SetEquals(Placeholders(english[key])), $"{key}: placeholders differ between id and en");
    }

    [Fact]
    public void EveryKeyThePagesName_IsDefined()
    {
        var defined = Texts(CultureInfo.InvariantCulture).Keys.ToHashSet();
        var pages = Path.Combine(RepositoryRoot(), "Lapor.Host", "Pages");
        var used = Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => KeyReference().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            // Keys built from a value ("ReportType." + type) are covered by the pages' own tests.
            .Where(u => !u.Key.EndsWith('.'))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !defined.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Lapor.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Lapor.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\b(?:T|text)\[""([A-Za-z0-9.]+)""")]
    private static partial Regex KeyReference();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
