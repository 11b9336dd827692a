using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Lapor.Host.Tasks;

namespace Lapor.Host.Tests.Portal;

/// <summary>
/// Every text the host, the domain and the built-in forms ask for exists in both languages, not empty, with the same
/// placeholders: a key missing in one language fails here before a visitor meets a bare key.
/// </summary>
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
    public void NoText_IsEmptyInEitherLanguage()
    {
        var empty = Texts(CultureInfo.InvariantCulture).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"id: {t.Key}")
            .Concat(Texts(CultureInfo.GetCultureInfo("en")).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"en: {t.Key}"));

        Assert.Empty(empty);
    }

    [Fact]
    public void EveryKeyTheHostNames_IsDefinedInBothLanguages()
    {
        var used = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "Lapor.Host"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyReference().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            // Keys built from a value ("ReportType." + type) are covered by the pages' own tests.
            .Where(u => !u.Key.EndsWith('.'))
            .ToList();

        Assert.NotEmpty(used);
        AssertDefined(used);
    }

    [Fact]
    public void EveryKeyTheDomainNames_IsDefinedInBothLanguages()
    {
        var sentences = typeof(ReportMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
        var labels = ReportMessages.LabelledFields.Select(f => new FieldLabel(f).Key);

        AssertDefined([.. sentences.Concat(labels).Select(k => (File: nameof(ReportMessages), Key: k))]);
    }

    [Fact]
    public void EveryBuiltInFormText_IsDefinedInBothLanguages()
    {
        var keys = BuiltInForms.All.SelectMany(form => form.DefaultFields.SelectMany(field =>
            field.Options.Select(o => form.TextKey(field.Id, o.Id)).Prepend(form.TextKey(field.Id))));

        AssertDefined([.. keys.Select(k => (File: nameof(BuiltInForms), Key: k))]);
    }

    [Fact]
    public void EveryStatusPageText_IsDefinedInBothLanguages()
    {
        // The status page builds its keys from the code, which the scan of the host's sources cannot see.
        var keys = Enumerable.Range(400, 200).Select(Lapor.Host.Pages.Status.IndexModel.KeyOf).Distinct()
            .SelectMany(key => new[] { key + ".Title", key + ".Text" });

        AssertDefined([.. keys.Select(k => (File: "Status/Index.cshtml", Key: k))]);
    }

    [Fact]
    public void EveryDecisionTableRule_IsDefinedInBothLanguages()
    {
        // The decision editor says an engine problem by its code; a rule added to the DMN reader needs its words here.
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "Lapor.Workflows", "Decisions", "DmnParser.cs"));
        var codes = DecisionRule().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.True(codes.Count >= 20, $"only {codes.Count} rule codes found in DmnParser.cs");
        AssertDefined([.. codes.Select(c => (File: "DmnParser.cs", Key: "Designer.Decisions.Rule." + c))]);
    }

    // Indonesian and English hold the same keys (checked above), so a key in both is a key in the Indonesian set.
    private static void AssertDefined(IReadOnlyList<(string File, string Key)> used)
    {
        var indonesian = Texts(CultureInfo.InvariantCulture);
        var english = Texts(CultureInfo.GetCultureInfo("en"));
        Assert.Empty(used.Where(u => !indonesian.ContainsKey(u.Key) || !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
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

    // The ways the host names a text: the localizer's indexer, and the key of a FieldError, directly or through the
    // result helpers that make one (TaskActionResult.Invalid/Conflict, the APIs' Refused/Refuse).
    [GeneratedRegex(@"(?:\b(?:T|text)\[|\bnew FieldError\([^,()]+, |\b(?:Invalid|Refused|Refuse)\([^,()]+, |\bConflict\()""([A-Za-z0-9.]+)""")]
    private static partial Regex KeyReference();

    [GeneratedRegex(@"DefinitionProblem\.Rule\([^,]+, ""(\w+)""")]
    private static partial Regex DecisionRule();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
