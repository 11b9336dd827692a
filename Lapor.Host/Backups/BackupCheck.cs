using System.Globalization;
using System.Security.Cryptography;
using Lapor.Host.Audit;
using Lapor.Host.Data;
using Lapor.Workflows.History;
using Lapor.Workflows;
using Lapor.Workflows.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Backups;

/// <summary>
/// Whether a backup can be restored: its history chains verify (the same check as <c>verify-history</c>, run on the
/// copy, read-only) and every attachment a report names is in the attachments folder with its recorded size and hash.
/// </summary>
public static class BackupCheck
{
    public sealed record Result(int Reports, int Attachments, IReadOnlyList<ChainVerification> Chains, IReadOnlyList<string> AttachmentProblems)
    {
        public IReadOnlyList<ChainVerification> Broken => Chains.Where(c => !c.Intact).ToList();

        public bool Passed => Broken.Count == 0 && AttachmentProblems.Count == 0;

        /// <summary>One line: what was checked, or the first thing that is wrong.</summary>
        public string Summary()
        {
            if (Broken is [var first, ..])
                return string.Create(CultureInfo.InvariantCulture,
                    $"{Broken.Count} of {Chains.Count} history chain(s) broken, first {first.ChainId} at seq {first.BrokenAtSeq?.ToString(CultureInfo.InvariantCulture) ?? "-"}: {first.Problem}");
            if (AttachmentProblems is [var problem, ..])
                return string.Create(CultureInfo.InvariantCulture, $"{AttachmentProblems.Count} attachment problem(s), first: {problem}");
            return string.Create(CultureInfo.InvariantCulture,
                $"{Reports} report(s), {Attachments} attachment(s), {Chains.Count} history chain(s) verified ({Chains.Sum(c => c.RowsChecked)} rows)");
        }
    }

    public static async Task<Result> RunAsync(string databaseFile, string attachmentsFolder, CancellationToken ct = default)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var db = new LaporDb(new DbContextOptionsBuilder<LaporDb>().UseWorkflowSqlite(connection).Options);
        var chains = await new HistoryIntegrity(new HistoryQuery(db), new HistoryVerifier(db)).VerifyAllAsync(ct: ct);
        var reports = await db.Reports.CountAsync(ct);
        var attachments = await db.Reports.AsNoTracking().SelectMany(r => r.Attachments)
            .Select(a => new { a.StoredName, a.SizeBytes, a.Sha256 }).ToListAsync(ct);
        // Content kept in the database store travels inside the copy itself; only folder-kept files need the folder.
        var inDatabase = (await db.AttachmentContents.AsNoTracking().Select(c => new { c.StoredName, c.Length }).ToListAsync(ct))
            .ToDictionary(c => c.StoredName, c => c.Length, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var attachment in attachments)
        {
            if (inDatabase.TryGetValue(attachment.StoredName, out var stored))
            {
                if (stored != attachment.SizeBytes)
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{attachment.StoredName} has {stored} bytes in the database, the report says {attachment.SizeBytes}"));
                continue;
            }
            var file = new FileInfo(Path.Combine(attachmentsFolder, attachment.StoredName));
            if (!file.Exists)
                problems.Add($"{attachment.StoredName} is missing from {attachmentsFolder}");
            else if (file.Length != attachment.SizeBytes)
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{attachment.StoredName} has {file.Length} bytes, the report says {attachment.SizeBytes}"));
            else if (!string.Equals(await Sha256Async(file, ct), attachment.Sha256, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{attachment.StoredName} differs from the file the reporter sent (SHA-256)");
        }
        return new Result(reports, attachments.Count, chains, problems);
    }

    private static async Task<string> Sha256Async(FileInfo file, CancellationToken ct)
    {
        await using var content = file.OpenRead();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
    }
}
