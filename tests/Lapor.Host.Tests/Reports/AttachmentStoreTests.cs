using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Portal;
using Lapor.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Reports;

/// <summary>
/// What a citizen and an operator notice of the attachment store, the same for every store and provider: files sent
/// with the form come back from the tracking page byte for byte, a failed submission leaves nothing behind, and a
/// large file goes in and out as a stream.
/// </summary>
public abstract class AttachmentStoreTests<THost>(THost host) : IClassFixture<THost> where THost : AttachmentHost
{
    private const long EightMegabytes = 8 * 1024 * 1024;

    [Fact]
    public async Task PhotosSentWithTheForm_AreKeptInTheChosenStore_AndDownloadFromTheTrackingPage()
    {
        var (small, larger) = (SamplePng.Square(), SamplePng.Square(24));
        using var client = Client();

        var code = await SubmitForm.SubmitAsync(client, "Lampu jalan padam di depan Pasar Badung", [Png("lampu-padam.png", small), Png("tiang.png", larger)]);

        var names = await StoredNamesAsync(code);
        Assert.Equal(2, names.Count);
        var (rows, files) = await host.StoredContentAsync();
        Assert.Subset((host.InDatabase ? rows : files).ToHashSet(), names.ToHashSet());
        Assert.Empty((host.InDatabase ? files : rows).Intersect(names));
        var attachments = await AttachmentsAsync(client, code);
        Assert.Equal(small, await DownloadAsync(client, code, attachments["lampu-padam.png"]));
        Assert.Equal(larger, await DownloadAsync(client, code, attachments["tiang.png"]));
    }

    [Fact]
    public async Task AFormThatFailsAfterItsFilesWereSaved_LeavesNoFileAndNoContentRow()
    {
        using var client = Client();
        var (rowsBefore, filesBefore) = await host.StoredContentAsync();
        host.Refusal.Armed = true;

        using var response = await SubmitForm.PostAsync(client, "Jembatan retak di Tukad Badung", [Png("retak.png", SamplePng.Square()), Png("retak-2.png", SamplePng.Square(12))]);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        // When the process refused, both files were in the store (seen from inside the failing transaction)...
        var seen = Assert.NotNull(host.Refusal.SeenAtRefusal);
        Assert.Equal((host.InDatabase ? rowsBefore : filesBefore).Count + 2, host.InDatabase ? seen.Rows : seen.Files);
        // ...and afterwards the store holds exactly what it held before, and there is no report.
        var (rows, files) = await host.StoredContentAsync();
        Assert.Equal(rowsBefore.Order(), rows.Order());
        Assert.Equal(filesBefore.Order(), files.Order());
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AnyAsync(r => r.Title == "Jembatan retak di Tukad Badung"));
    }

    [Fact]
    public async Task AnEightMegabyteFile_GoesThroughTheFormAndBack_Unchanged()
    {
        using var client = Client();

        var code = await SubmitForm.SubmitAsync(client, "Rekaman jalan berlubang di Jl. Imam Bonjol",
            [new SubmitForm.Upload("rekaman.png", "image/png", () => new PatternFile(EightMegabytes))]);

        var attachment = Assert.Single(await AttachmentsAsync(client, code)).Value;
        using var response = await client.GetAsync($"/Lacak/{code}?handler=Attachment&id={attachment}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal(PatternFile.Sha256Of(EightMegabytes), await SHA256.HashDataAsync(body));
    }

    [Fact]
    public async Task TheStore_StreamsEightMegabytesInAndOut_WithoutHoldingThemInMemory()
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ".png";
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAttachmentStore>();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        try
        {
            await using var source = new PatternFile(EightMegabytes);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await store.SaveAsync(name, source, EightMegabytes);
                await transaction.CommitAsync();
            }
            var saving = GC.GetTotalAllocatedBytes(precise: true) - before;
            byte[] hash;
            await using (var content = Assert.IsAssignableFrom<Stream>(await store.OpenAsync(name)))
                hash = await SHA256.HashDataAsync(content);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.Equal(PatternFile.Sha256Of(EightMegabytes), hash);
            // Everything the process allocated meanwhile (the host's background work included) stays well under the
            // file's size: the bytes went through buffers, never into one array.
            Assert.True(allocated < EightMegabytes / 2, $"saving and reading 8 MB allocated {allocated / 1024} KiB, {saving / 1024} KiB of it saving");
        }
        finally
        {
            await store.DeleteAsync(name);
        }
        Assert.Null(await store.OpenAsync(name));
    }

    private HttpClient Client() =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static SubmitForm.Upload Png(string name, byte[] bytes) => new(name, "image/png", () => new MemoryStream(bytes));

    private async Task<List<string>> StoredNamesAsync(string code)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var reports = await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking().ToListAsync();
        return reports.Single(r => r.TrackingCode.ToString() == code).Attachments.Select(a => a.StoredName).ToList();
    }

    /// <summary>File name → attachment id, as the tracking API shows them to the holder of the code.</summary>
    private static async Task<Dictionary<string, string>> AttachmentsAsync(HttpClient client, string code)
    {
        var tracked = JsonDocument.Parse(await client.GetStringAsync($"/api/reports/track/{code}")).RootElement;
        return tracked.GetProperty("attachments").EnumerateArray()
            .ToDictionary(a => a.GetProperty("fileName").GetString()!, a => a.GetProperty("id").GetString()!);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string code, string attachmentId)
    {
        using var response = await client.GetAsync($"/Lacak/{code}?handler=Attachment&id={attachmentId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
