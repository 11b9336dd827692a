using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Persistence;

/// <summary>A DbContext holding only the engine's tables: for running the engine on its own (tests, benchmarks).</summary>
internal class WorkflowDb(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => WorkflowModel.Configure(modelBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        WorkflowModel.ConfigureConventions(configurationBuilder);
}
