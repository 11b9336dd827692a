using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Designer;

/// <summary>The designer's handlers as a coordinator uses them: draft, validate, publish with comment, roll back, catalogue.</summary>
public sealed class DesignerEndpointTests(AdminHost host) : IClassFixture<AdminHost>
{
    [Fact]
    public async Task Validate_ReturnsEachProblemWithItsElementId()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var invalid = await Errors(await coordinator.PostJsonAsync("Validate", new { xml = DesignerModels.Review("cek", dangling: true) }));
        var valid = await Errors(await coordinator.PostJsonAsync("Validate", new { xml = DesignerModels.Review("cek") }));

        Assert.Contains(invalid, e => e.ElementId == "selesai");
        Assert.Empty(valid);
    }

    [Fact]
    public async Task SavingADraft_KeepsItApartFromPublishedVersions_AndLogsWhoSavedIt()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var saved = await coordinator.PostJsonAsync("Draft", new { key = "draf-uji", xml = DesignerModels.Review("draf-uji", dangling: true) });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lapor.Host.Data.LaporDb>();
        Assert.Equal("koordinator", (await db.Set<ProcessDraftRow>().SingleAsync(d => d.Key == "draf-uji")).SavedBy);
        Assert.False(await db.Set<ProcessDefinitionRow>().AnyAsync(d => d.Key == "draf-uji"));
        Assert.True(await db.Set<HistoryEventRow>().AnyAsync(h => h.Kind == HistoryEventKind.UserOperation && h.Name == "SaveDraft" && h.Value == "draf-uji" && h.Actor == "koordinator"));
        var page = await coordinator.Client.GetStringAsync("/Desain/Proses/draf-uji");
        Assert.Contains("Draf terakhir disimpan oleh koordinator", page);
        Assert.Contains("data-process=\"draf-uji\"", await coordinator.Client.GetStringAsync("/Desain"));
    }

    [Fact]
    public async Task PublishingInvalid_IsRefusedWithElementErrors_ValidGetsAVersionWithComment_AndRollbackPublishesTheOldOneAgain()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var refused = await coordinator.PostJsonAsync("Publish", new { xml = DesignerModels.Review("terbit", dangling: true), comment = "rusak" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(await Errors(refused), e => e.ElementId == "selesai");
        Assert.Equal(0, await VersionsAsync("terbit"));

        var first = await coordinator.PostJsonAsync("Publish", new { xml = DesignerModels.Review("terbit"), comment = "Versi pertama" });
        var second = await coordinator.PostJsonAsync("Publish", new { xml = DesignerModels.Review("terbit", taskName: "Periksa ulang"), comment = "Ganti nama tugas" });
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var list = await coordinator.Client.GetStringAsync("/Desain");
        Assert.Contains("Ganti nama tugas", list);
        Assert.Contains("Versi pertama", list);
        var rollback = await coordinator.PostFormAsync("/Desain", "/Desain?handler=RollBack", new() { ["key"] = "terbit", ["version"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);

        Assert.Equal(3, await VersionsAsync("terbit"));
        var readOnly = await coordinator.Client.GetStringAsync("/Desain/Proses/terbit?versi=3");
        Assert.Contains("Versi 3, hanya baca", readOnly);
        Assert.Contains("name=\\u0022Periksa\\u0022", readOnly);
        Assert.DoesNotContain("Periksa ulang", readOnly);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync("/Desain/Proses/terbit?versi=9")).StatusCode);
    }

    [Fact]
    public async Task Agencies_AreServedFromTheCatalogue()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var agencies = await coordinator.Client.GetFromJsonAsync<JsonElement>("/Desain/Proses?handler=Agencies");

        var codes = agencies.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains("inspektorat", codes);
        Assert.Contains("dinkes", codes);
    }

    private async Task<int> VersionsAsync(string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Lapor.Host.Data.LaporDb>().Set<ProcessDefinitionRow>().CountAsync(d => d.Key == key);
    }

    private static async Task<List<Problem>> Errors(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").EnumerateArray()
            .Select(e => new Problem(e.GetProperty("elementId").GetString(), e.GetProperty("message").GetString()!)).ToList();
    }

    private sealed record Problem(string? ElementId, string Message);
}
