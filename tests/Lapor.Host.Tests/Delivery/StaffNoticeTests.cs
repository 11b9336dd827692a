using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Delivery;

/// <summary>
/// The notices host on a stopped clock (Monday 7 December 2026, 09:00 WITA), so deadlines can be walked past. Quartz
/// follows the same clock, so the tests fire due jobs and dispatch themselves.
/// </summary>
public sealed class StaffNoticesHost : NoticesHost
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>What officers, supervisors, coordinators and the Ombudsman are told, by e-mail, as a case moves on and runs late.</summary>
public sealed class StaffNoticeTests(StaffNoticesHost host) : IClassFixture<StaffNoticesHost>
{
    private const string Officer = "dinkes.petugas@lapor.example";
    private const string Supervisor = "dinkes.kepala@lapor.example";
    private const string Coordinator = "koordinator@lapor.example";
    private const string Ombudsman = "ombudsman@lapor.example";
    private const string OtherAgency = "puprkim.petugas@lapor.example";

    [Fact]
    public async Task NewTask_DueTomorrow_Overdue_AndEscalation_ReachTheRightPeople()
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "Obat kosong di apotek puskesmas", categoryCode = "kesehatan", anonymous = true,
            description = "Sudah dua minggu obat hipertensi tidak tersedia di Puskesmas Kuta.",
            reporter = new { name = "Luh Sekarini", email = "luh.sekarini@example.org" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString()!;
        bool About(MimeKit.MimeMessage m, string to) => (m.Subject ?? "").Contains(code) && m.To.Mailboxes.Any(b => b.Address == to);

        // Verification is the coordinators' new task.
        await DeliverAsync(all => all.Any(m => About(m, Coordinator)));
        Assert.Equal($"Tugas baru: Obat kosong di apotek puskesmas ({code})", host.Smtp.Received.First(m => About(m, Coordinator)).Subject);

        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        await DeliverAsync(all => all.Any(m => About(m, Officer)) && all.Any(m => About(m, Supervisor)));
        var newTask = host.Smtp.Received.First(m => About(m, Officer));
        Assert.Contains("Tindak lanjut laporan", newTask.TextBody);
        Assert.Matches(@"https://lapor\.baliprov\.example/Tugas/\S+", newTask.TextBody);
        Assert.DoesNotContain(host.Smtp.Received, m => About(m, OtherAgency));

        // Friday: one working day left.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 4, 0, 0, TimeSpan.Zero));
        await RunDueJobsAsync();
        await DeliverAsync(all => all.Any(m => About(m, Officer) && m.Subject!.StartsWith("Besok tenggat")));
        Assert.DoesNotContain(host.Smtp.Received, m => About(m, Ombudsman));

        // Monday: five working days passed; the agency hears it is overdue, the escalation goes to its head, the
        // Inspektorat and the Ombudsman.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 4, 0, 0, TimeSpan.Zero));
        await RunDueJobsAsync();
        await DeliverAsync(all => all.Any(m => About(m, Officer) && m.Subject!.StartsWith("Lewat tenggat"))
                                          && new[] { Supervisor, Coordinator, Ombudsman }.All(to => all.Any(m => About(m, to) && m.Subject!.StartsWith("Eskalasi"))));

        // The reporter was anonymous: no staff notice names them or carries their address.
        foreach (var message in host.Smtp.Received.Where(m => (m.Subject ?? "").Contains(code) && m.To.Mailboxes.All(b => b.Address.EndsWith("@lapor.example"))))
        {
            Assert.DoesNotContain("Sekarini", message.TextBody + message.HtmlBody);
            Assert.DoesNotContain("luh.sekarini", message.TextBody + message.HtmlBody);
        }
    }

    private Task CompleteAsync(string code, string taskKey, object variables, string actor) =>
        Support.CaseSteps.CompleteAsync(host.Services, code, taskKey, variables, actor);

    /// <summary>Quartz runs on the host's clock, which is stopped here: dispatch by hand until the mail arrived.</summary>
    private async Task DeliverAsync(Func<IReadOnlyList<MimeKit.MimeMessage>, bool> done)
    {
        for (var round = 0; round < 20 && !done(host.Smtp.Received); round++)
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Lapor.Host.Delivery.OutboxDispatcher>().RunOnceAsync();
            await Task.Delay(50);
        }
        await host.Smtp.WaitAsync(done, seconds: 5);
    }

    private async Task RunDueJobsAsync()
    {
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().RunDueJobsAsync();
    }
}
