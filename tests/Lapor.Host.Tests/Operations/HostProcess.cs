using System.Diagnostics;
using System.Text;

namespace Lapor.Host.Tests.Operations;

/// <summary>
/// The built host as an operator starts it: <c>dotnet Lapor.Host.dll</c> in its own process, configured through
/// environment variables, so a test sees its exit code, its standard error and its log exactly as they would.
/// The host's files are in this test project's output (it references the host).
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private HostProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    /// <summary>Starts the host on a free loopback port with <paramref name="settings"/> (<c>Lapor__DemoData</c> = <c>false</c>…).</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(Dotnet())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lapor.Host.dll"));
        // Never the README's port 5080: the OS picks a free one, and the start-up line says which.
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Lapor__", StringComparison.OrdinalIgnoreCase)
                                                                     || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(inherited);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Append(host._output, e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(host._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the process to end by itself and gives its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits for a line of the log that contains <paramref name="text"/>; fails if the process ends first.</summary>
    public async Task<string> LineAsync(string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
                return line.Trim();
            if (_process.HasExited)
                break;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"The host never logged '{text}'. Its output:\n{Output}\nIts errors:\n{Error}");
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
            return;
        lock (to)
            to.Append(line).Append('\n');
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
