using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster: initdb into a temp folder and pg_ctl start on a free loopback port, as the
/// postgres user (PostgreSQL refuses to run as root). A copy of Lapor.Workflows.Tests' helper of the same name, since
/// the two test projects share no support project and one small file does not justify a new one. No xunit types,
/// so the benchmarks link this file too. Debian's postgresql package supplies the binaries (the csproj installs it when missing).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"lapor-pg-{Guid.NewGuid():N}");
    private string _bin = "";
    private int _port;

    /// <summary>Pooled by default, as a host uses it; the test's own checks pass <c>pooling: false</c>.</summary>
    public string ConnectionStringFor(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database, Pooling = pooling }.ToString();

    /// <summary>A new, empty database on the cluster.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"lapor_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <param name="maxConnections">Two hosts with their pools and Quartz need more than PostgreSQL's default 100.</param>
    public async Task StartAsync(int maxConnections = 100)
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
            throw new InvalidOperationException("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: install Debian's postgresql package.");
        _port = FreePort();
        Directory.CreateDirectory(_directory);
        await RunAsync("chown", $"postgres {_directory}");
        await AsPostgresAsync("initdb", $"-D {_directory}/data -A trust -U postgres --no-sync");
        await AsPostgresAsync("pg_ctl", $"-D {_directory}/data -w -l {_directory}/log -o \"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 "
                                        + $"-c fsync=off -c max_connections={maxConnections}\" start");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_port == 0)
            return;
        try
        {
            await AsPostgresAsync("pg_ctl", $"-D {_directory}/data -m immediate stop");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Runs a SQL file (a <c>pg_dump</c> text dump, say) into <paramref name="database"/> with psql, stopping at the first error.</summary>
    public Task RunSqlFileAsync(string database, string file) =>
        RunAsync(Path.Combine(_bin, "psql"), $"-h 127.0.0.1 -p {_port} -U postgres -d {database} -v ON_ERROR_STOP=1 -q -f \"{file}\"");

    private Task AsPostgresAsync(string tool, string arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}")
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
