using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Lapor.Workflows.History;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Tests.Reports;

public sealed class ReportIntakeTests : IClassFixture<ReportsHost>, IClassFixture<ReportIntakeTests.BrokenProcessHost>
{
    private readonly ReportsHost _host;
    private readonly BrokenProcessHost _broken;

    public ReportIntakeTests(ReportsHost host, BrokenProcessHost broken)
    {
        _host = host;
        _broken = broken;
    }

    /// <summary>A host whose process start fails (a listener refuses), to show the report is not kept either.</summary>
    public sealed class BrokenProcessHost : ReportsHost
    {
        private sealed class Refuse : IInstanceListener
        {
            public Task OnChangedAsync(InstanceChange change, CancellationToken ct) => throw new InvalidOperationException("process store down");
        }

        protected override void AddServices(IServiceCollection services) => services.AddScoped<IInstanceListener, Refuse>();
    }

    private static ReportDraft Draft(string title = "Lampu jalan mati di Jl. Teuku Umar") => new()
    {
        Type = ReportType.Complaint, Title = title, Description = "Sudah seminggu lampu jalan mati, rawan kecelakaan malam hari.",
        CategoryCode = "jalan", Location = "Denpasar",
    };

    private static IncomingFile Png()
    {
        var bytes = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        return new IncomingFile("foto.png", "image/png", bytes.Length, () => new MemoryStream(bytes));
    }

    [Fact]
    public async Task SubmittedReport_IsStoredWithItsProcessInstance_WaitingForVerification()
    {
        using var scope = _host.Services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
        var result = await intake.SubmitAsync(Draft(), Reporter.Guest("Ni Luh Putu", "luh@example.com", null).Value!, [Png()]);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == result.Report!.Id);
        var instance = await db.Set<ProcessInstanceRow>().SingleAsync(i => i.Id == report.ProcessInstanceId);
        Assert.Equal(report.TrackingCode.ToString(), instance.BusinessKey);
        Assert.Equal("Menunggu verifikasi", report.Stage);
        var task = await db.Set<TaskRow>().Include(t => t.Candidates).SingleAsync(t => t.InstanceId == instance.Id);
        Assert.Equal("verifikasi", task.TaskDefinitionKey);
        Assert.Equal("inspektorat", Assert.Single(task.Candidates).Value);
        var variables = await db.Set<VariableRow>().Where(v => v.InstanceId == instance.Id).ToDictionaryAsync(v => v.Name, v => v.Value);
        Assert.Equal("puprkim", variables["agency"]); // the category's default agency
        // The process never learns who the reporter is: officers and auditors read its variables.
        Assert.DoesNotContain(variables.Values, v => v != null && (v.Contains("Luh") || v.Contains("luh@example.com")));
        // The report's own facts stay in the report: the process holds what it branches on (decision 028).
        Assert.Empty(variables.Keys.Intersect(["reportId", "trackingCode", "confidential", "anonymous", "description", "title"]));
        var copies = (await new HistoryEvents(db).OfChainAsync(instance.Id)).Count(h => h.Value != null && h.Value.Contains("lampu jalan mati"));
        Assert.Equal(0, copies);
        Assert.Single(report.Attachments);
    }

    [Fact]
    public async Task WhenTheProcessCannotStart_TheReportIsNotKeptEither()
    {
        using var scope = _broken.Services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            intake.SubmitAsync(Draft(), Reporter.Guest("Made", "made@example.com", null).Value!, [Png()]));

        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        Assert.Equal(0, await db.Reports.CountAsync());
        Assert.Equal(0, await db.Set<ProcessInstanceRow>().CountAsync());
        var attachments = Path.Combine(_broken.DataDirectory, "attachments");
        Assert.True(!Directory.Exists(attachments) || Directory.GetFiles(attachments).Length == 0);
    }

    [Fact]
    public async Task InvalidSubmission_StoresNothing_AndSaysWhichFieldsAreWrong()
    {
        var client = _host.CreateClient();
        var before = await CountAsync();
        var response = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "", description = "<script>alert('x')</script>", categoryCode = "tidak-ada",
            reporter = new { name = "Wayan", email = "bukan-email" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("Judul wajib diisi.", errors.GetProperty("title")[0].GetString());
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("reporter.email", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("besar.png", 11 * 1024 * 1024, true)]
    [InlineData("foto.jpg", 2048, false)]
    public async Task OversizedOrDisguisedAttachment_IsRefusedByField_AndNothingIsStored(string name, int size, bool realPng)
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var html = "<html><body><script>alert(1)</script></body></html>"u8.ToArray();
        var bytes = new byte[size];
        (realPng ? png : html).CopyTo(bytes, 0);
        var file = new IncomingFile(name, realPng ? "image/png" : "image/jpeg", bytes.Length, () => new MemoryStream(bytes));
        var before = await CountAsync();

        using var scope = _host.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(Draft(), Reporter.Guest("Made", "made@example.com", null).Value!, [file]);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Attachments", error.Field);
        Assert.Contains(name, scope.ServiceProvider.GetRequiredService<IStringLocalizer<PortalText>>().Message(error));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ApiSubmission_CanBeTrackedByItsCode_InEnglishToo()
    {
        var client = _host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Aspiration", title = "Tambah jalur sepeda di Renon", description = "Usul jalur sepeda yang terpisah dari jalan raya.",
            categoryCode = "transportasi", anonymous = true, reporter = new { name = "Komang Ayu", phone = "081234567890" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

        var tracked = await client.GetFromJsonAsync<JsonElement>($"/api/reports/track/{code}");
        Assert.Equal("Menunggu verifikasi", tracked.GetProperty("stage").GetString());
        Assert.Equal("Anonim", tracked.GetProperty("reporterName").GetString());
        Assert.DoesNotContain("Komang", tracked.GetRawText());
        Assert.DoesNotContain("081234567890", tracked.GetRawText());

        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/{code}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var page = await (await client.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Anonymous", page.GetProperty("reporterName").GetString());
    }

    [Fact]
    public async Task ConfidentialReport_IsNeverPublic_ButItsCodeStillTracksIt()
    {
        using var scope = _host.Services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
        var draft = Draft("Dugaan pungutan liar di loket") with { IsConfidential = true };
        var report = (await intake.SubmitAsync(draft, Reporter.Guest("Ketut", "ketut@example.com", null).Value!, [])).Report!;
        var code = report.TrackingCode.ToString();
        var client = _host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/reports/{code}")).StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/reports?q=pungutan&pageSize=100");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/reports/track/{code}")).StatusCode);
    }

    private async Task<int> CountAsync()
    {
        using var scope = _host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.CountAsync();
    }
}
