using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lapor.Workflows;

/// <summary>
/// Adds the engine's tables to any DbContext, so the host can keep its own rows and the engine's in one database
/// and one transaction (a report is never stored without its process instance). Everything a host needs to hold the
/// engine's tables is here, so it never reaches into the engine's persistence.
/// </summary>
public static class WorkflowModel
{
    /// <summary>
    /// Hands jobs to the scheduler once the transaction holding their rows commits. <c>AddWorkflowEngine</c> adds it to the
    /// context it is given; a host whose provider subclasses have options of their own adds it there too.
    /// </summary>
    public static IInterceptor AfterCommit => AfterCommitInterceptor.Instance;

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowModel).Assembly);

    /// <summary>Every DateTime is UTC; SQLite forgets the kind on the way back, so it is restored here.</summary>
    public static void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
