using Lapor.Domain.Reports;

namespace Lapor.Domain.Tests.Reports;

public sealed class ReportMessagesTests
{
    [Fact]
    public void EverySentence_IsTranslated()
    {
        var sentences = ReportMessages.Keys.Where(k => !k.StartsWith("label.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(sentences);
        Assert.All(sentences, key => Assert.NotEqual(ReportMessages.Get(key, "id"), ReportMessages.Get(key, "en")));
    }

    [Theory]
    [InlineData("en", "Title is required.")]
    [InlineData("EN-gb", "Title is required.")]
    [InlineData("id", "Judul wajib diisi.")]
    [InlineData("id-ID", "Judul wajib diisi.")]
    [InlineData("fr", "Judul wajib diisi.")]
    [InlineData("", "Judul wajib diisi.")]
    public void TheCulture_PicksTheLanguage_WithIndonesianAsTheDefault(string culture, string expected)
    {
        Assert.Equal(expected, ReportMessages.Format(ReportMessages.Required, culture, ReportMessages.Label("Title", culture)));
    }

    [Fact]
    public void AnUnknownKey_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => ReportMessages.Get("no-such-message"));
    }
}
