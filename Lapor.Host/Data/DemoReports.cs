using Lapor.Domain.Reports;
using Lapor.Host.Infrastructure;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Data;

/// <summary>
/// With demo data on, an empty database gets a handful of sample reports moved through the real process to different
/// stages (waiting for verification, with an agency, waiting for the reporter, answered, completed and rated,
/// archived, confidential), so a first-time visitor sees a living system. All names are invented.
/// </summary>
public static class DemoReports
{
    private sealed record Sample(ReportType Type, string Title, string Description, string Category, string Location,
        string Name, string Email, bool Anonymous = false, bool Confidential = false, string[]? Steps = null, (double Lat, double Lon)? At = null);

    private static readonly Sample[] Samples =
    [
        new(ReportType.Complaint, "Jalan berlubang di Jl. By Pass Ngurah Rai dekat Simpang Dewa Ruci",
            "Sejak dua minggu ada lubang besar di lajur kiri. Sudah ada dua pengendara motor jatuh pada malam hari.",
            "jalan", "Kuta, Badung", "Putu Ardana", "putu.ardana@example.com", Steps: ["verify:puprkim"], At: (-8.7386, 115.1766)),
        new(ReportType.Complaint, "Antrean pendaftaran pasien BPJS di RSUD terlalu lama",
            "Pendaftaran dibuka pukul 07.00 tetapi loket baru melayani pukul 09.00. Pasien lansia menunggu berdiri.",
            "kesehatan", "Denpasar", "Ni Made Sari", "made.sari@example.com", Anonymous: true,
            Steps: ["verify:dinkes", "respond:Mulai 1 Desember loket pendaftaran dibuka pukul 07.00 dan ditambah satu petugas."]),
        new(ReportType.Aspiration, "Usul jalur sepeda terpisah di kawasan Renon",
            "Banyak warga bersepeda pagi di Renon. Jalur terpisah akan membuat lebih aman.",
            "transportasi", "Renon, Denpasar", "Komang Wirawan", "komang.w@example.com", At: (-8.6747, 115.2337),
            Steps: ["verify:dishub", "respond:Usulan dimasukkan dalam rencana penataan kawasan Renon tahun depan.", "confirm:5"]),
        new(ReportType.InformationRequest, "Jadwal pencairan bantuan sosial lansia tahun ini",
            "Mohon informasi kapan bantuan sosial lansia tahap dua dicairkan dan syarat yang perlu disiapkan.",
            "bantuan-sosial", "Gianyar", "Wayan Suarta", "wayan.suarta@example.com", Steps: ["hold"]),
        new(ReportType.Complaint, "Sampah menumpuk di pinggir Tukad Badung",
            "Sampah plastik menumpuk di bantaran sungai dan berbau saat hujan.",
            "lingkungan-hidup", "Pemecutan, Denpasar", "Kadek Dewi", "kadek.dewi@example.com", Steps: ["archive:duplicate"], At: (-8.6612, 115.2048)),
        new(ReportType.Complaint, "Dugaan pungutan di luar ketentuan saat mengurus izin usaha",
            "Petugas meminta biaya tambahan yang tidak tercantum dalam ketentuan. Saya memiliki bukti percakapan.",
            "perizinan", "Denpasar", "Gede Pratama", "gede.p@example.com", Confidential: true, At: (-8.6569, 115.2196)),
        new(ReportType.Complaint, "Lampu penerangan jalan mati di Jl. Raya Ubud",
            "Sekitar 300 meter jalan gelap sejak pekan lalu, rawan kecelakaan.",
            "jalan", "Ubud, Gianyar", "Ketut Arya", "ketut.arya@example.com", At: (-8.5069, 115.2624)),
    ];

    public static async Task SeedDemoReportsAsync(this IServiceProvider services, LaporOptions options)
    {
        if (!options.DemoData)
            return;
        // The demo reporters write in Indonesian, whatever language the server runs in.
        using var indonesian = PortalCultures.Use(PortalCultures.Indonesian);
        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<LaporDb>();
        if (await db.Reports.AnyAsync())
            return;
        if (await check.ServiceProvider.GetRequiredService<ProcessDesigns>().LatestAsync(LaporProcess.Key) is null)
        {
            // A host started without the shipped process (some tests do) has nothing to run demo reports through.
            check.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoReports))
                .LogWarning("Process '{Key}' is not deployed; no demo reports were created", LaporProcess.Key);
            return;
        }
        // Made-up reporters and officers: nothing about these reports is mailed or texted.
        using var quiet = Lapor.Host.Delivery.NoticeSuppression.Begin();
        foreach (var sample in Samples)
        {
            await using var scope = services.CreateAsyncScope();
            var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
            var draft = new ReportDraft
            {
                Type = sample.Type, Title = sample.Title, Description = sample.Description, CategoryCode = sample.Category,
                Location = sample.Location, Latitude = sample.At?.Lat, Longitude = sample.At?.Lon, IsAnonymous = sample.Anonymous, IsConfidential = sample.Confidential,
            };
            var result = await intake.SubmitAsync(draft, Reporter.Guest(sample.Name, sample.Email, null).Value!, []);
            if (result.Report is not { } report)
                throw new InvalidOperationException($"Demo report '{sample.Title}' was refused: {string.Join("; ", result.Errors)}");
            foreach (var step in sample.Steps ?? [])
                await RunStepAsync(services, report.TrackingCode.ToString(), report.ProcessInstanceId!, step);
        }
    }

    private static async Task RunStepAsync(IServiceProvider services, string code, string instanceId, string step)
    {
        await using var scope = services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var tasks = scope.ServiceProvider.GetRequiredService<TaskQuery>();
        var (verb, argument) = step.IndexOf(':') is var i and >= 0 ? (step[..i], step[(i + 1)..]) : (step, "");
        switch (verb)
        {
            case "verify":
                await CompleteAsync(engine, tasks, instanceId, "verifikasi", new() { ["decision"] = "verify", ["agency"] = argument }, "inspektorat.demo");
                break;
            case "hold":
                await CompleteAsync(engine, tasks, instanceId, "verifikasi", new() { ["decision"] = "hold", ["reason"] = "Mohon sebutkan desa/kelurahan tempat tinggal." }, "inspektorat.demo");
                break;
            case "archive":
                await CompleteAsync(engine, tasks, instanceId, "verifikasi", new()
                {
                    ["decision"] = "archive", ["archiveReason"] = argument,
                    ["reason"] = "Laporan yang sama sudah kami terima sebelumnya dan sedang ditindaklanjuti.",
                }, "inspektorat.demo");
                break;
            case "respond":
                await CompleteAsync(engine, tasks, instanceId, "tindakLanjut", new() { ["outcome"] = "respond", ["response"] = argument }, "opd.demo");
                break;
            case "confirm":
                await scope.ServiceProvider.GetRequiredService<ReporterActions>().ConfirmAsync(code, int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture), "Terima kasih, sudah ditangani.");
                break;
            default:
                throw new InvalidOperationException($"Unknown demo step '{step}'.");
        }
    }

    private static async Task CompleteAsync(WorkflowEngine engine, TaskQuery tasks, string instanceId, string taskKey, Dictionary<string, object?> variables, string actor)
    {
        var task = (await tasks.Open().InInstances([instanceId]).OfKind(taskKey).PageAsync(0, 2)).Single();
        await engine.CompleteTaskAsync(task.Id, variables.ToDictionary(v => v.Key, v => TypedValue.From(v.Value)), actor);
    }
}
