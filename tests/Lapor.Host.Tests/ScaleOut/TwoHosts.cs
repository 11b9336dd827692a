using Lapor.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lapor.Host.Tests.ScaleOut;

/// <summary>
/// Two built hosts as OS processes on one throw-away PostgreSQL database, as they run behind a load balancer. Host A
/// starts alone on the empty database and B once A answers: until the schema comes from migrations, EnsureCreated
/// makes it at start-up, and two hosts doing that at once on an empty database race.
/// </summary>
public sealed class TwoHosts : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();

    public HostProcess A { get; private set; } = null!;

    public HostProcess B { get; private set; } = null!;

    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Two hosts' connection pools and Quartz's own connections need more than PostgreSQL's default 100.
        await _postgres.StartAsync(maxConnections: 300);
        Database = await _postgres.NewDatabaseAsync();
        A = await HostProcess.StartAsync("a", Database);
        B = await HostProcess.StartAsync("b", Database);
    }

    /// <summary>Both hosts' recent log lines, for failure messages.</summary>
    public string Logs => A.RecentLog + "\n" + B.RecentLog;

    /// <summary>The history events of the given chains (instances), read from the shared database as the engine reads them.</summary>
    internal async Task<List<Lapor.Workflows.History.HistoryEventRow>> EventsAsync(IReadOnlyCollection<string> chainIds)
    {
        var options = new DbContextOptionsBuilder<Lapor.Host.Data.LaporPostgresDb>().UseNpgsql(Database).Options;
        await using var db = new Lapor.Host.Data.LaporPostgresDb(options);
        return await new Lapor.Workflows.History.HistoryEvents(db).OfChainsAsync(chainIds);
    }

    /// <summary>Reads the shared database directly, as an operator would check it.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async Task DisposeAsync()
    {
        if (B is not null)
            await B.DisposeAsync();
        if (A is not null)
            await A.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
