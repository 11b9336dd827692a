using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lapor.Host.Tests.Delivery;

/// <summary>
/// A local HTTP endpoint (Kestrel on a free loopback port) that records every request it gets, standing in for an SMS
/// gateway or the national system. <see cref="Status"/> is what it answers, so a test can make it fail.
/// </summary>
public sealed class HttpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Recorded> _requests = new();

    public sealed record Recorded(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public HttpSink()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            _requests.Enqueue(new Recorded(http.Request.Method, http.Request.Path + http.Request.QueryString,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            http.Response.StatusCode = Status;
            await http.Response.WriteAsync(Status < 300 ? "{\"ok\":true}" : "{\"error\":\"gateway down\"}");
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.Single().TrimEnd('/');
    }

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string Url { get; }

    public int Status { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<Recorded> Requests => _requests.ToArray();

    public async Task<IReadOnlyList<Recorded>> WaitAsync(Func<IReadOnlyList<Recorded>, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(Requests))
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"HTTP sink: condition not met after {seconds} s; got {Requests.Count} requests.");
            await Task.Delay(100);
        }
        return Requests;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
