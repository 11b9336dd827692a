using System.Diagnostics;
using System.Net;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// One page's latency as its user gets it: GET over HTTP with that user's cookie, whole body read. Five warm-up
/// requests (as many as fit in 30 s; one that takes over 10 s is the page's only, cold, measurement), then up to
/// <c>runs</c> timed ones (as many as fit in a minute for a slow page, at least one), each with the next of the given
/// parameter values so no single row stays in a cache. With two sizes, the i-th request goes to both hosts one after
/// the other (which first alternates), so both see the machine at the same moments and their ratio is the growth.
/// </summary>
public static class PageTimings
{
    /// <param name="request">The i-th request on a side: which signed-in client asks for which URL.</param>
    /// <param name="followRedirect">The page answers with a redirect its user's browser follows (a period export's
    /// progress page): the time is until the page redirected to is read.</param>
    /// <returns>Each side's timing, in the order of <paramref name="sides"/>.</returns>
    public static async Task<List<Timing>> MeasureAsync(string name, IReadOnlyList<ScaleSide> sides, Func<ScaleSide, int, (HttpClient Client, string Url)> request,
        int runs, bool followRedirect = false) =>
        Print(await TimeAsync(name, sides, request, runs, followRedirect), request(sides[0], 0).Url);

    /// <summary>
    /// A page whose requests start work in the host's background (a period export's build): each size alone, the
    /// smallest first, and its builds finished before the next, so no host's requests wait for another host's builds.
    /// </summary>
    public static async Task<List<Timing>> MeasureOneAfterAnotherAsync(string name, IReadOnlyList<ScaleSide> sides,
        Func<ScaleSide, int, (HttpClient Client, string Url)> request, int runs, bool followRedirect = false)
    {
        var timings = new Timing[sides.Count];
        for (var s = sides.Count - 1; s >= 0; s--)
        {
            timings[s] = (await TimeAsync(name, [sides[s]], request, runs, followRedirect))[0];
            if (s > 0 && await sides[s].Database.WaitForExportsAsync(TimeSpan.FromMinutes(3)) is > 0 and var left)
                Console.WriteLine($"({sides[s].Label}: {left} exports still being built after 3 minutes)");
        }
        return Print([.. timings], request(sides[0], 0).Url);
    }

    /// <summary>
    /// Asks each host for every page <paramref name="passes"/> times, the pages in turn and the hosts in turn, untimed,
    /// so the pages are then timed on compiled code rather than while the host's just-in-time compiler still works
    /// through its tiers. Stops early after ten minutes (a slow database), saying how far it got.
    /// </summary>
    public static async Task WarmUpAsync(IReadOnlyList<ScaleSide> sides, IReadOnlyList<ScalePage> pages, int passes)
    {
        if (passes == 0)
            return;
        var watch = Stopwatch.StartNew();
        var done = 0;
        for (; done < passes && watch.Elapsed < TimeSpan.FromMinutes(10); done++)
            foreach (var page in pages)
                foreach (var side in sides)
                    await GetAsync(page.Request(side, 1000 + done), followRedirect: false);
        Console.WriteLine($"Warm-up:       every page {done} times on each host, {watch.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<List<Timing>> TimeAsync(string name, IReadOnlyList<ScaleSide> sides, Func<ScaleSide, int, (HttpClient Client, string Url)> request,
        int runs, bool followRedirect)
    {
        var times = sides.Select(_ => new List<double>()).ToList();
        var cold = new bool[sides.Count];
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < 5 && budget.Elapsed < TimeSpan.FromSeconds(30); i++)
            for (var s = 0; s < sides.Count; s++)
            {
                if (cold[s])
                    continue;
                var warm = Stopwatch.StartNew();
                await GetAsync(request(sides[s], runs + i), followRedirect);
                // A page this slow is far off any target: one (cold) request says so, and the run goes on.
                if (warm.Elapsed > TimeSpan.FromSeconds(10))
                {
                    times[s].Add(warm.Elapsed.TotalMilliseconds);
                    cold[s] = true;
                }
            }
        budget.Restart();
        for (var i = 0; i < runs && (i == 0 || budget.Elapsed < TimeSpan.FromMinutes(1)); i++)
            for (var k = 0; k < sides.Count; k++)
            {
                var s = i % 2 == 0 ? k : sides.Count - 1 - k;
                if (cold[s])
                    continue;
                var watch = Stopwatch.StartNew();
                await GetAsync(request(sides[s], i), followRedirect);
                times[s].Add(watch.Elapsed.TotalMilliseconds);
            }
        var timings = new List<Timing>();
        foreach (var list in times)
        {
            list.Sort();
            timings.Add(new Timing(name, Percentiles.Of(list, 0.50), Percentiles.Of(list, 0.95), list.Count));
        }
        return timings;
    }

    private static List<Timing> Print(List<Timing> timings, string url)
    {
        Console.WriteLine(Row(timings, url));
        return timings;
    }

    /// <summary>The table's header: one size, or the largest first and its growth over the smallest.</summary>
    public static string Header(IReadOnlyList<ScaleSide> sides) => sides.Count == 1
        ? "| page | p50 ms | p95 ms | requests | first URL |\n|---|---:|---:|---:|---|"
        : $"| page | {sides[0].Label} p50 / p95 ms | {sides[^1].Label} p50 / p95 ms | growth p50 | growth p95 | requests | first URL |\n|---|---:|---:|---:|---:|---:|---|";

    private static string Row(List<Timing> timings, string url)
    {
        var large = timings[0];
        if (timings.Count == 1)
            return $"| {large.Name} | {large.P50:0.0} | {large.P95:0.0} | {large.Runs} | `{url}` |";
        var small = timings[^1];
        return $"| {large.Name} | {large.P50:0.0} / {large.P95:0.0} | {small.P50:0.0} / {small.P95:0.0} | {Growth(large.P50, small.P50)} | {Growth(large.P95, small.P95)} | {large.Runs} | `{url}` |";
    }

    /// <summary>Within issue 16's 1.5× in bold.</summary>
    public static string Growth(double large, double small)
    {
        var growth = large / small;
        return growth <= 1.5 ? $"**{growth:0.0}×**" : $"{growth:0.0}×";
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
}

/// <summary>A page the run times: its name and the i-th request for it on a side (which signed-in client, which URL).</summary>
public sealed record ScalePage(string Name, Func<ScaleSide, int, (HttpClient Client, string Url)> Request);

/// <summary>A page's p50 and p95 (nearest rank) over <see cref="Runs"/> timed requests.</summary>
public sealed record Timing(string Name, double P50, double P95, int Runs);
