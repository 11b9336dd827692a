using Lapor.Host.National;

namespace Lapor.Host.Tests.National;

/// <summary>Settings the host refuses to start with: one line each, naming the setting, never the secret.</summary>
public sealed class NationalSettingsTests
{
    [Fact]
    public void TheDefaults_TurnTheConnectorOff_AndPass()
    {
        var settings = new NationalSettings();
        Assert.Empty(settings.Problems());
        Assert.False(settings.OutboundEnabled);
        Assert.False(settings.InboundEnabled);
        Assert.Equal("51", settings.ProvinceId);
    }

    [Fact]
    public void AnEndpointWithoutASecret_IsRefused()
    {
        var problem = Assert.Single(new NationalSettings { Endpoint = "https://sp4n.example/events" }.Problems());
        Assert.Contains("Lapor:National:Secret", problem);
    }

    [Fact]
    public void AShortSecret_ABadEndpoint_AndAWrongProvince_AreEachNamed()
    {
        var problems = new NationalSettings { Endpoint = "ftp://sp4n.example", Secret = "pendek", ProvinceId = "Bali", TimeoutSeconds = 0 }.Problems();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("Endpoint"));
        Assert.Contains(problems, p => p.Contains("Secret"));
        Assert.Contains(problems, p => p.Contains("ProvinceId"));
        Assert.Contains(problems, p => p.Contains("TimeoutSeconds"));
        Assert.All(problems, p => Assert.DoesNotContain("pendek", p));
    }

    [Fact]
    public void AnEndpointWithAPassword_IsRefused()
    {
        var problem = Assert.Single(new NationalSettings { Endpoint = "https://lapor:sandi@sp4n.example/events", Secret = new string('x', 40) }.Problems());
        Assert.Contains("Endpoint", problem);
        Assert.DoesNotContain("sandi", problem);
    }
}
