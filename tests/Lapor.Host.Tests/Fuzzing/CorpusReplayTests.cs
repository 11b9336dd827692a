using Lapor.Fuzz.Targets;

namespace Lapor.Host.Tests.Fuzzing;

/// <summary>
/// Replays every seed and every input afl-fuzz once found (tests/Lapor.Fuzz/Corpus) through the fuzz targets, so a
/// change that makes a reader throw on any of them fails here rather than in a fuzzing session weeks later.
/// </summary>
public sealed class CorpusReplayTests
{
    private static readonly Dictionary<string, Action<Stream>> Targets = new(StringComparer.Ordinal)
    {
        [BpmnReaderTarget.Name] = BpmnReaderTarget.Run,
        [ExpressionTarget.Name] = ExpressionTarget.Run,
        [ReportJsonTarget.Name] = ReportJsonTarget.Run,
    };

    private static string CorpusOf(string target) => Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Corpus", target);

    public static TheoryData<string> TargetNames() => [.. Targets.Keys];

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in Targets.Keys.Where(t => Directory.Exists(CorpusOf(t))))
        {
            foreach (var file in Directory.GetFiles(CorpusOf(target)).Order(StringComparer.Ordinal))
                data.Add(target, Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void EveryTarget_HasSeedsToReplay(string target)
    {
        // A renamed or moved folder must not turn the replay into a pass over nothing.
        Assert.True(Directory.Exists(CorpusOf(target)), $"No corpus folder at {CorpusOf(target)}");
        Assert.NotEmpty(Directory.GetFiles(CorpusOf(target)));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusInput_IsReadOrRefusedWithoutAnUnexpectedException(string target, string file)
    {
        using var input = File.OpenRead(Path.Combine(CorpusOf(target), file));
        var thrown = Record.Exception(() => Targets[target](input));
        Assert.True(thrown is null, $"{target}/{file}: {thrown}");
    }
}
