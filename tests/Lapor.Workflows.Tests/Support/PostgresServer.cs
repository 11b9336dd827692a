using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Lapor.Workflows.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster for the scale-out provider's tests: initdb into a temp folder and pg_ctl start on a
/// free loopback port, as the postgres user (PostgreSQL refuses to run as root). Debian's postgresql package supplies
/// the binaries; without them the tests fail with a message saying what to install.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"lapor-pg-{Guid.NewGuid():N}");
    private string _bin = "";
    private int _port;

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = database, Pooling = false }.ToString();

    /// <summary>A new, empty database on the cluster.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"lapor_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task InitializeAsync()
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
        await AsPostgresAsync("pg_ctl", $"-D {_directory}/data -w -l {_directory}/log -o \"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off\" start");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgresAsync("pg_ctl", $"-D {_directory}/data -m immediate stop");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
