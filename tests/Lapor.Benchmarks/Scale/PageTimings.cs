using System.Diagnostics;
using System.Net;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// One page's latency as its user gets it: GET over HTTP with that user's cookie, whole body read. Five warm-up
/// requests (as many as fit in 30 s; one that takes over 10 s is the page's only, cold, measurement), then up to <c>runs</c> timed ones (as many as fit in a minute for a slow page, at least one), each with the next of
/// the given parameter values so no single row stays in a cache.
/// </summary>
public static class PageTimings
{
    /// <param name="request">The i-th request: which signed-in client asks for which URL.</param>
    /// <param name="followRedirect">The page answers with a redirect its user's browser follows (a period export's
    /// progress page): the time is until the page redirected to is read.</param>
    public static async Task<Timing> MeasureAsync(string name, Func<int, (HttpClient Client, string Url)> request, int runs, bool followRedirect = false)
    {
        Task GetAsync((HttpClient Client, string Url) r) => PageTimings.GetAsync(r, followRedirect);

        var budget = Stopwatch.StartNew();
        var times = new List<double>();
        for (var i = 0; i < 5 && budget.Elapsed < TimeSpan.FromSeconds(30); i++)
        {
            var warm = Stopwatch.StartNew();
            await GetAsync(request(runs + i));
            // A page this slow is far off any target: one (cold) request says so, and the run goes on to the next page.
            if (warm.Elapsed > TimeSpan.FromSeconds(10))
            {
                times.Add(warm.Elapsed.TotalMilliseconds);
                return Report(name, times, request);
            }
        }
        budget.Restart();
        for (var i = 0; i < runs && (i == 0 || budget.Elapsed < TimeSpan.FromMinutes(1)); i++)
        {
            var watch = Stopwatch.StartNew();
            await GetAsync(request(i));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return Report(name, times, request);
    }

    private static Timing Report(string name, List<double> times, Func<int, (HttpClient Client, string Url)> request)
    {
        times.Sort();
        var timing = new Timing(name, Percentiles.Of(times, 0.50), Percentiles.Of(times, 0.95), times.Count);
        Console.WriteLine($"| {name} | {timing.P50:0.0} | {timing.P95:0.0} | {timing.Runs} | `{request(0).Url}` |");
        return timing;
    }

    private static async Task GetAsync((HttpClient Client, string Url) request, bool followRedirect)
    {
        var (client, url) = request;
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (followRedirect && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } next)
        {
            response.Dispose();
            response = await client.GetAsync(next, HttpCompletionOption.ResponseHeadersRead);
        }
        using var _ = response;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        await response.Content.CopyToAsync(Stream.Null);
    }

    /// <summary>Nearest rank.</summary>
}

public sealed record Timing(string Name, double P50, double P95, int Runs);
