using Lapor.Domain.Agencies;
using Lapor.Domain.Categories;
using Lapor.Domain.Reports;
using Lapor.Workflows;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lapor.Host.Data;

/// <summary>
/// The product's one database: accounts, reports, the catalogue and the engine's tables share it and its transactions.
/// The host runs it as <see cref="LaporSqliteDb"/> or <see cref="LaporPostgresDb"/>, each with its own migrations
/// (decision 015); code everywhere else asks for <see cref="LaporDb"/>. It also keeps the Data Protection key ring, so
/// every host reads the others' cookies and antiforgery tokens.
/// </summary>
public class LaporDb : IdentityDbContext<LaporUser>, IDataProtectionKeyContext
{
    /// <summary>For tools and benchmarks that build a context by hand; the host always uses a provider's subclass.</summary>
    public LaporDb(DbContextOptions<LaporDb> options) : base(options)
    {
    }

    protected LaporDb(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NationalReportLink> NationalReportLinks => Set<NationalReportLink>();
    public DbSet<InternalNote> InternalNotes => Set<InternalNote>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Lapor.Host.Audit.Exports.PreparedExport> PreparedExports => Set<Lapor.Host.Audit.Exports.PreparedExport>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        WorkflowModel.Configure(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LaporDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        WorkflowModel.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or sort DateTimeOffset; every moment is stored as UTC instead (offset 0 on the way back).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<NullableUtcOffsetConverter>();
    }

    private sealed class UtcOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        v => v.UtcDateTime,
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    private sealed class NullableUtcOffsetConverter() : ValueConverter<DateTimeOffset?, DateTime?>(
        v => v == null ? null : v.Value.UtcDateTime,
        v => v == null ? null : new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)));
}
