using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lapor.Host.Data.DesignTime;

/// <summary>Lets <c>dotnet ef migrations add … --context LaporPostgresDb</c> build the model; no server is needed for that.</summary>
internal sealed class LaporPostgresDbFactory : IDesignTimeDbContextFactory<LaporPostgresDb>
{
    public LaporPostgresDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LaporPostgresDb>().UseNpgsql("Host=127.0.0.1;Database=lapor_design").Options);
}
