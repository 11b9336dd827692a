using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
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
        Assert.Contains(await new HistoryEvents(db).OfChainAsync(Deployer.EngineChain),
            h => h.Kind == HistoryEventKind.UserOperation && h.Name == "SaveDraft" && h.Value == "draf-uji" && h.Actor == "koordinator");
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
        var withoutReason = await coordinator.PostFormAsync("/Desain", "/Desain?handler=RollBack", new() { ["key"] = "terbit", ["version"] = "1", ["comment"] = "  " });
        Assert.Equal(HttpStatusCode.Redirect, withoutReason.StatusCode);
        Assert.Contains("Tuliskan alasan penerbitan ulang", WebUtility.HtmlDecode(await coordinator.Client.GetStringAsync(withoutReason.Headers.Location!.OriginalString)));
        Assert.Equal(2, await VersionsAsync("terbit"));

        var rollback = await coordinator.PostFormAsync("/Desain", "/Desain?handler=RollBack",
            new() { ["key"] = "terbit", ["version"] = "1", ["comment"] = "Nama lama lebih jelas bagi petugas" });
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);

        Assert.Equal(3, await VersionsAsync("terbit"));
        var versions = WebUtility.HtmlDecode(await coordinator.Client.GetStringAsync("/Desain"));
        Assert.Matches("data-version=\"3\">(?:(?!</tr>).)*Terbit ulang dari versi 1(?:(?!</tr>).)*Nama lama lebih jelas bagi petugas", versions.ReplaceLineEndings(" "));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var log = (await new HistoryEvents(scope.ServiceProvider.GetRequiredService<Lapor.Host.Data.LaporDb>()).OfChainAsync(Deployer.EngineChain))
                .Single(h => h.Kind == HistoryEventKind.UserOperation && h.Name == "RollBack" && h.Value == "terbit");
            Assert.Equal("koordinator", log.Actor);
            Assert.Contains("Nama lama lebih jelas bagi petugas", log.Detail);
        }
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

    [Fact]
    public async Task Validate_NamesTheStep_InThePagesLanguage_AndFoldsWhatAMissingFlowCutsOff()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        // start → Terima → Verifikasi laporan → Tindak lanjut → Tutup → end, without the flow into "Verifikasi laporan".
        var xml = DesignerModels.Chain("rantai", ["Terima", "Verifikasi laporan", "Tindak lanjut", "Tutup"], missingFlowBefore: 1);

        var indonesian = await ProblemsAsync(await coordinator.PostJsonAsync("Validate", new { xml }));
        var english = await ProblemsAsync(await coordinator.PostJsonAsync("Validate", new { xml }, query: "&culture=en-US"));

        var problem = Assert.Single(indonesian.EnumerateArray());
        Assert.Equal("t1", problem.GetProperty("elementId").GetString());
        Assert.Equal("Verifikasi laporan", problem.GetProperty("elementName").GetString());
        Assert.StartsWith("Tidak ada alur yang masuk", problem.GetProperty("message").GetString());
        Assert.Equal(["Tindak lanjut", "Tutup", "selesai"], problem.GetProperty("consequences").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.StartsWith("No flow leads into this step", Assert.Single(english.EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_PutsStepNamesIntoTheMessage_WhereTheRuleNamesOtherElements()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var xml = DesignerModels.Review("gerbang").Replace("""<bpmn:endEvent id="selesai"/>""", """
            <bpmn:exclusiveGateway id="Gateway_1x" name="Lengkap?"/><bpmn:endEvent id="selesai" name="Selesai"/><bpmn:endEvent id="ditolak" name="Ditolak"/>
            <bpmn:sequenceFlow id="Flow_ya" name="Ya" sourceRef="Gateway_1x" targetRef="selesai"/>
            <bpmn:sequenceFlow id="Flow_tidak" sourceRef="Gateway_1x" targetRef="ditolak"/>
            """).Replace("""<bpmn:sequenceFlow id="f2" sourceRef="periksa" targetRef="selesai"/>""",
            """<bpmn:sequenceFlow id="f2" sourceRef="periksa" targetRef="Gateway_1x"/>""");

        var problems = await ProblemsAsync(await coordinator.PostJsonAsync("Validate", new { xml }));

        var gateway = Assert.Single(problems.EnumerateArray(), p => p.GetProperty("elementId").GetString() == "Gateway_1x");
        Assert.Equal("Lengkap?", gateway.GetProperty("elementName").GetString());
        Assert.Equal("Alur Ya, Lengkap? → Ditolak keluar dari gerbang tanpa kondisi; beri setiap alur kondisi atau tandai satu sebagai alur bawaan.",
            gateway.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_SaysReaderProblemsInThePagesLanguageToo()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var xml = DesignerModels.Review("pembaca").Replace("""<bpmn:endEvent id="selesai"/>""",
            """<bpmn:endEvent id="selesai"/><bpmn:intermediateCatchEvent id="tunggu" name="Tunggu jawaban"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent><bpmn:scriptTask id="skrip" name="Hitung"/>""");

        var problems = (await ProblemsAsync(await coordinator.PostJsonAsync("Validate", new { xml }))).EnumerateArray().ToList();

        Assert.Equal("Pengatur waktu memerlukan tepat satu dari tanggal (timeDate), durasi (timeDuration) atau siklus (timeCycle).",
            Assert.Single(problems, p => p.GetProperty("elementId").GetString() == "tunggu").GetProperty("message").GetString());
        Assert.StartsWith("Elemen jenis scriptTask belum didukung oleh mesin Lapor.",
            Assert.Single(problems, p => p.GetProperty("elementId").GetString() == "skrip").GetProperty("message").GetString());
    }

    private static async Task<JsonElement> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
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
