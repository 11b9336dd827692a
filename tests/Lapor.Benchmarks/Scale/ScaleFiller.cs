using System.Data.Common;
using System.Diagnostics;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// Fills the database up to N reports by cloning the template cases (<see cref="CaseTemplates"/>) over five simulated
/// years ending now. Reports older than 60 days are nearly all closed (confirmed, archived, or forwarded and then
/// answered), with 2 % still open (with an agency, or escalated); the last 60 days hold the open work: waiting for
/// verification, with an agency, forwarded, escalated, waiting for the reporter. Agencies are drawn with a long tail
/// (the first ones, PUPRKIM and Dinkes, busiest); 15 % of reports are anonymous, 3 % confidential. Reports are
/// written oldest first.
/// </summary>
public sealed class ScaleFiller(DbConnection connection, RowWriter writer, bool postgres, int seed)
{
    private const int CasesPerBatch = 20_000;

    private static readonly (string Kind, double Share)[] RecentMix =
    [
        ("verification", 0.15), ("handling", 0.30), ("awaiting-confirmation", 0.15), ("waiting-for-data", 0.05),
        (CaseTemplates.ForwardedOpen, 0.08), (CaseTemplates.Escalated, 0.04), ("closed", 0.18), ("archived", 0.05),
    ];

    private static readonly (string Kind, double Share)[] OlderMix =
    [
        ("closed", 0.78), ("archived", 0.12), (CaseTemplates.ForwardedClosed, 0.08), ("handling", 0.01), (CaseTemplates.Escalated, 0.01),
    ];

    private static readonly string[] Topics =
    [
        "Jalan berlubang", "Lampu jalan padam", "Sampah menumpuk", "Air PDAM keruh", "Antrean pelayanan lama", "Pungutan liar",
        "Drainase tersumbat", "Trotoar rusak", "Parkir liar", "Pelayanan KTP lambat", "Izin usaha tertunda", "Banjir saat hujan",
        "Pohon tumbang", "Bantuan sosial belum cair", "Guru jarang hadir", "Obat di puskesmas habis", "Jembatan retak",
        "Kebisingan tempat hiburan", "Listrik sering padam", "Angkutan umum tidak tertib",
    ];

    private static readonly string[] Places =
    [
        "Denpasar", "Kuta", "Ubud", "Gianyar", "Tabanan", "Singaraja", "Negara", "Amlapura", "Bangli", "Semarapura", "Sanur",
        "Jimbaran", "Nusa Dua", "Canggu", "Mengwi", "Seririt", "Kintamani", "Candidasa", "Lovina", "Renon",
    ];

    /// <returns>About 200 of the new tracking codes, spread over the five years, for the pages that open one report.</returns>
    public async Task<List<string>> FillAsync(List<TemplateRows> templates, int reports, DateTime now)
    {
        var random = new Random(seed);
        var agencies = await CodesAsync("SELECT \"Code\" FROM agency WHERE \"Code\" NOT IN ('inspektorat', 'ombudsman-bali') ORDER BY \"Code\"");
        // The demo accounts' agencies first, so their inboxes are among the fullest.
        agencies = ["puprkim", "dinkes", .. agencies.Where(a => a is not ("puprkim" or "dinkes"))];
        var weights = agencies.Select((_, i) => 1 / Math.Pow(i + 1, 0.8)).ToArray();
        var categories = await CodesAsync("SELECT \"Code\" FROM category ORDER BY \"Code\"");
        var byKind = templates.GroupBy(t => t.Template.Kind).ToDictionary(g => g.Key, g => g.ToArray());
        var clones = reports - templates.Count;
        var years = TimeSpan.FromDays(5 * 365.25);
        var recent = TimeSpan.FromDays(60);
        // Oldest first, as the reports arrived: ids (version 7, from the submission time) and dates grow with the
        // rows, so the indexes take them at their ends, as they do in production.
        var ages = Enumerable.Range(0, clones).Select(_ => years * random.NextDouble()).OrderDescending().ToArray();
        Console.WriteLine($"Fill:          {clones:N0} clones of {templates.Count} template cases ({string.Join(", ", templates.Select(t => $"{t.Template.Kind} {t.RowCount} rows"))})");
        var clock = Stopwatch.StartNew();
        long rows = 0;
        var samples = new List<string>();
        for (var n = 1; n <= clones; n++)
        {
            var age = ages[n - 1];
            var start = now - age;
            var isRecent = age < recent;
            var kind = Draw(random, isRecent ? RecentMix : OlderMix);
            var template = byKind[kind][random.Next(byKind[kind].Length)];
            // Closed cases took 1–30 days; open ones have run part of their age so far.
            var span = isRecent && kind is not ("closed" or "archived")
                ? age * random.NextDouble()
                : TimeSpan.FromHours(24 + random.Next(29 * 24));
            var drawn = new Dictionary<string, string>();
            foreach (var agency in template.Agencies())
            {
                string pick;
                do
                    pick = agencies[DrawIndex(random, weights)];
                while (drawn.ContainsValue(pick));
                drawn[agency] = pick;
            }
            var topic = Topics[random.Next(Topics.Length)];
            var place = Places[random.Next(Places.Length)];
            var text = ($"{topic} di {place}", $"{topic} di sekitar {place} sudah berlangsung beberapa minggu. Mohon instansi terkait segera menindaklanjuti laporan nomor {n}.");
            var clone = new CaseClone(template, DateTime.SpecifyKind(start, DateTimeKind.Unspecified), span, drawn,
                categories[random.Next(categories.Count)], text, random.NextDouble() < 0.15, random.NextDouble() < 0.03, now, random);
            if (n % Math.Max(1, clones / 200) == 0)
                samples.Add(clone.Code);
            foreach (var (table, row) in clone.Rows())
            {
                writer.Add(table, row);
                rows++;
            }
            if (n % CasesPerBatch == 0 || n == clones)
            {
                await writer.FlushAsync();
                Console.WriteLine($"  {n,9:N0} reports, {rows,11:N0} rows in {clock.Elapsed.TotalSeconds,6:0} s: {n / clock.Elapsed.TotalSeconds,7:N0} reports/s, {rows / clock.Elapsed.TotalSeconds,8:N0} rows/s");
            }
        }
        Console.WriteLine($"Filled:        {clones:N0} reports, {rows:N0} rows in {clock.Elapsed.TotalSeconds:0} s");
        await ClaimAsync();
        await AnalyzeAsync();
        return samples;
    }

    /// <summary>
    /// Three open tasks in ten claimed, as in a working inbox (the templates' tasks are all unclaimed): by
    /// "&lt;group&gt;.petugas", the demo officer's name for PUPRKIM and Dinkes. The claims are not in the cases' history.
    /// </summary>
    private async Task ClaimAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE wf_task SET "Assignee" = (SELECT c."Value" FROM wf_task_candidate c WHERE c."TaskId" = wf_task."Id" AND c."Kind" = 'Group' ORDER BY c."Id" LIMIT 1) || '.petugas'
            WHERE {(postgres ? "random() < 0.3" : "abs(random()) % 10 < 3")}
            """;
        command.CommandTimeout = 0;
        Console.WriteLine($"Claimed:       {await command.ExecuteNonQueryAsync():N0} open tasks");
    }

    /// <summary>
    /// Planner statistics and visibility map as the product has them: PostgreSQL's autovacuum vacuums and analyzes a
    /// table this large on its own (done here at once, so an index-only scan need not visit rows autovacuum would long
    /// have marked visible); the host never runs ANALYZE on SQLite, so neither does the filler.
    /// </summary>
    private async Task AnalyzeAsync()
    {
        if (!postgres)
            return;
        var clock = Stopwatch.StartNew();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM (ANALYZE)";
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        Console.WriteLine($"VACUUM:        {clock.Elapsed.TotalSeconds:0} s");
    }

    private async Task<List<string>> CodesAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            codes.Add(reader.GetString(0));
        return codes;
    }

    private static string Draw(Random random, (string Kind, double Share)[] mix)
    {
        var x = random.NextDouble() * mix.Sum(m => m.Share);
        foreach (var (kind, share) in mix)
            if ((x -= share) <= 0)
                return kind;
        return mix[^1].Kind;
    }

    private static int DrawIndex(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((x -= weights[i]) <= 0)
                return i;
        return weights.Length - 1;
    }
}
