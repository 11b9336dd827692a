using System.Text.RegularExpressions;
using Lapor.Domain.Reports;

namespace Lapor.Domain.Tests.Reports;

public sealed class TrackingCodeTests
{
    private const string Symbol = "[23456789ABCDEFGHJKMNPQRSTWXYZ]";

    [Fact]
    public void NewCode_IsGroupedForReadingAloud()
    {
        var text = TrackingCode.New().ToString();

        Assert.Matches(new Regex($"^LPR-{Symbol}{{4}}-{Symbol}{{4}}-{Symbol}{{2}}$"), text);
    }

    [Fact]
    public void Alphabet_LeavesOutEveryLookAlike()
    {
        foreach (var lookAlike in "0O1ILUV")
        {
            Assert.DoesNotContain(lookAlike, TrackingCode.Alphabet);
        }

        Assert.Equal(TrackingCode.Alphabet.Length, TrackingCode.Alphabet.Distinct().Count());
    }

    [Fact]
    public void Code_CarriesAtLeast45BitsOfEntropy()
    {
        var bits = TrackingCode.SymbolCount * Math.Log2(TrackingCode.Alphabet.Length);

        Assert.True(bits >= 45, $"only {bits:0.0} bits");
    }

    [Fact]
    public void TenThousandNewCodes_AreAllDifferent()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void NewCodes_UseEverySymbolEquallyOften()
    {
        // 500,000 symbols: about 17,241 each with a standard deviation near 130, so 5 % is over six
        // deviations, yet a modulo bias (9/256 against 8/256) would miss it by far.
        var counts = TrackingCode.Alphabet.ToDictionary(c => c, _ => 0);
        for (var i = 0; i < 50_000; i++)
        {
            foreach (var c in TrackingCode.New().ToString()[4..].Replace("-", string.Empty))
            {
                counts[c]++;
            }
        }

        var expected = 500_000.0 / TrackingCode.Alphabet.Length;
        Assert.All(counts, pair => Assert.InRange(pair.Value, expected * 0.95, expected * 1.05));
    }

    [Theory]
    [InlineData("LPR-7KQ4-M9XT-3H")]
    [InlineData("lpr-7kq4-m9xt-3h")]
    [InlineData("LPR 7KQ4 M9XT 3H")]
    [InlineData("  lpr7kq4m9xt3h ")]
    [InlineData("7KQ4M9XT3H")]
    [InlineData("7kq4 m9xt 3h")]
    [InlineData("7KQ4.M9XT.3H")]
    [InlineData("LPR\u20137KQ4\u2013M9XT\u20133H")]
    [InlineData("ＬＰＲ－７ＫＱ４－Ｍ９ＸＴ－３Ｈ")]
    public void TryParse_ForgivesCaseSpacingDashesAndAMissingPrefix(string typed)
    {
        Assert.True(TrackingCode.TryParse(typed, out var code));
        Assert.Equal("LPR-7KQ4-M9XT-3H", code.ToString());
    }

    [Theory]
    [InlineData("LPR-7KQ4-M9XT-3O")]
    [InlineData("LPR-7KQ4-M9XT-30")]
    [InlineData("LPR-7KQ4-M9XT-3I")]
    [InlineData("LPR-7KQ4-M9XT-31")]
    [InlineData("LPR-7KQ4-M9XT-3L")]
    [InlineData("LPR-7KQ4-M9XT-3U")]
    [InlineData("LPR-7KQ4-M9XT-3V")]
    public void TryParse_RefusesLookAlikesInsteadOfGuessingWhichCodeWasMeant(string typed)
    {
        Assert.False(TrackingCode.TryParse(typed, out var code));
        Assert.Equal(default, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("LPR-7KQ4-M9XT")]
    [InlineData("LPR-7KQ4-M9XT-3HH")]
    [InlineData("ABC-7KQ4-M9XT-3H")]
    [InlineData("<script>alert(1)</script>")]
    public void TryParse_RefusesWhatCannotBeACode(string? typed)
    {
        Assert.False(TrackingCode.TryParse(typed, out _));
    }

    [Fact]
    public void ACodeReadBack_EqualsTheCodeHandedOut()
    {
        var handedOut = TrackingCode.New();

        Assert.True(TrackingCode.TryParse(handedOut.ToString().ToLowerInvariant().Replace("-", " "), out var readBack));
        Assert.Equal(handedOut, readBack);
        Assert.Equal(handedOut, TrackingCode.Parse(handedOut.ToString()));
    }

    [Fact]
    public void Parse_OfSomethingElse_Throws()
    {
        Assert.Throws<FormatException>(() => TrackingCode.Parse("LPR-0000-0000-00"));
    }
}
