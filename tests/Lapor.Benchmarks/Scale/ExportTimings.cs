using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// How long a period export takes to be ready (decision 036): asked for as the export form does, its progress followed
/// as a tool would (<c>?handler=Status</c>), then the whole file downloaded. One month after another, nothing else
/// waiting, so each build has the background job to itself.
/// </summary>
public static class ExportTimings
{
    public static async Task MeasureAsync(string name, HttpClient client, IReadOnlyList<string> urls)
    {
        var seconds = new List<double>();
        var (cases, bytes) = (0, 0L);
        foreach (var url in urls)
        {
            var watch = Stopwatch.StartNew();
            using var asked = await client.GetAsync(url);
            if (asked.StatusCode != HttpStatusCode.Redirect || asked.Headers.Location is not { } page)
                throw new InvalidOperationException($"GET {url}: {(int)asked.StatusCode}, expected a redirect to the export's page");
            string? file = null;
            while (file is null)
            {
                using var status = JsonDocument.Parse(await client.GetStringAsync(page + "?handler=Status"));
                var state = status.RootElement.GetProperty("state").GetString();
                if (state == "Failed")
                    throw new InvalidOperationException($"export {page} failed");
                if (state == "Ready")
                {
                    file = status.RootElement.GetProperty("file").GetString();
                    cases = status.RootElement.GetProperty("casesWritten").GetInt32();
                    bytes = status.RootElement.GetProperty("length").GetInt64();
                }
                else
                {
                    await Task.Delay(100);
                }
            }
            using var content = await client.GetAsync(file, HttpCompletionOption.ResponseHeadersRead);
            await content.Content.CopyToAsync(Stream.Null);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        seconds.Sort();
        Console.WriteLine($"| {name} | {seconds[seconds.Count / 2] * 1000:0} | {seconds[^1] * 1000:0} | {seconds.Count} | `{urls[0]}`: last {cases:N0} cases, {bytes / 1048576.0:0.0} MB |");
    }
}
