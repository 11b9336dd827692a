using System.Reflection;
using Lapor.Domain.Reports;

namespace Lapor.Domain.Tests.Reports;

public sealed class ReportMessagesTests
{
    private static readonly IReadOnlyList<string> Sentences = typeof(ReportMessages)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void EverySentenceTheDomainNames_IsWrittenInIndonesianAndInEnglish()
    {
        Assert.NotEmpty(Sentences);
        Assert.All(Sentences, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(PortalTexts.Get(key, "id")), $"{key} has no Indonesian text");
            Assert.False(string.IsNullOrWhiteSpace(PortalTexts.Get(key, "en")), $"{key} has no English text");
            Assert.NotEqual(PortalTexts.Get(key, "id"), PortalTexts.Get(key, "en"));
        });
    }

    [Fact]
    public void EveryFieldTheDomainRefuses_HasALabelInBothLanguages()
    {
        Assert.All(ReportMessages.LabelledFields.Select(f => new FieldLabel(f).Key), key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(PortalTexts.Get(key, "id")), $"{key} has no Indonesian text");
            Assert.False(string.IsNullOrWhiteSpace(PortalTexts.Get(key, "en")), $"{key} has no English text");
        });
    }

    [Fact]
    public void ARefusalOfAField_NamesTheFieldsLabelFirst()
    {
        var error = ReportMessages.ForField("Title", ReportMessages.TooLong, 150);

        Assert.Equal(new FieldError("Title", "Check.TooLong", new FieldLabel("Title"), 150), error);
        Assert.Equal(("Title", "Judul paling banyak 150 karakter."), error.Written());
        Assert.Equal(("Title", "Title must be at most 150 characters."), error.Written("en"));
    }
}
