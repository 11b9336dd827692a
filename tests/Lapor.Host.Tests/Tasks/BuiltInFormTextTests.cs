using Lapor.Host.Localization;
using Lapor.Host.Tasks;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Tests.Tasks;

/// <summary>A built-in form's default fields speak the officer's language, from the portal's texts.</summary>
public sealed class BuiltInFormTextTests
{
    // The portal's real resources, read the way the host reads them.
    private static readonly IStringLocalizer<PortalText> Text = new StringLocalizer<PortalText>(
        new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("id", "Keputusan", "Arsipkan", "Alasan arsip")]
    [InlineData("en", "Decision", "Archive", "Reason for archiving")]
    public void TheVerificationForm_IsLabelledInTheCurrentLanguage(string language, string decision, string archive, string archiveReason)
    {
        using var scope = PortalCultures.Use(language);

        var fields = BuiltInForms.Verification.DefaultFieldsIn(Text);

        var choice = fields.Single(f => f.Id == "decision");
        Assert.Equal(decision, choice.Label);
        Assert.Equal(archive, choice.Options.Single(o => o.Id == "archive").Name);
        Assert.Equal(archiveReason, fields.Single(f => f.Id == "archiveReason").Label);
    }

    [Fact]
    public void EveryDefaultField_HasALabelAndEveryOptionAName_InBothLanguages()
    {
        foreach (var language in new[] { "id", "en" })
        {
            using var scope = PortalCultures.Use(language);
            var shown = BuiltInForms.All.SelectMany(form => form.DefaultFieldsIn(Text)).ToList();

            Assert.All(shown, f => Assert.False(f.Label.StartsWith("BuiltInForm.", StringComparison.Ordinal), $"{language}: {f.Id} shows its key"));
            Assert.All(shown.SelectMany(f => f.Options), o => Assert.False(o.Name.StartsWith("BuiltInForm.", StringComparison.Ordinal), $"{language}: {o.Id} shows its key"));
        }
    }
}
