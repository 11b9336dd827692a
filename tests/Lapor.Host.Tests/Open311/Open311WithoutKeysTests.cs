using System.Net;
using System.Text.Json;
using Lapor.Host.Tests.Reports;

namespace Lapor.Host.Tests.Open311;

/// <summary>As shipped (no key in appsettings.json), Open311 is read-only: every filing is refused, any key it brings.</summary>
public sealed class Open311WithoutKeysTests(ReportsHost host) : IClassFixture<ReportsHost>
{
    [Fact]
    public async Task WithNoKeysConfigured_FilingIsRefused403_EvenWithAKey_ButReadingWorks()
    {
        var form = Open311Host.Form("Jalan berlubang di depan kantor desa.");
        using var response = await host.CreateClient().PostAsync("/open311/v2/requests.json",
            new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value!))));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, body[0].GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/open311/v2/services.json")).StatusCode);
    }
}
