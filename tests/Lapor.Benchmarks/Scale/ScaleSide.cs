using Lapor.Host.Tests.Support;

namespace Lapor.Benchmarks.Scale;

/// <summary>One database's host as its users reach it: an anonymous citizen and the signed-in staff the pages need.</summary>
public sealed class ScaleSide : IDisposable
{
    private ScaleSide(ScaleDatabase database, HostProcess host, HttpClient anonymous, HttpClient puprkim, HttpClient dinkes, HttpClient coordinator, HttpClient auditor)
    {
        Database = database;
        Host = host;
        Anonymous = anonymous;
        Puprkim = puprkim;
        Dinkes = dinkes;
        Coordinator = coordinator;
        Auditor = auditor;
    }

    public ScaleDatabase Database { get; }

    public HostProcess Host { get; }

    public string Label => Database.Label;

    public List<string> Codes => Database.Codes;

    public HttpClient Anonymous { get; }

    public HttpClient Puprkim { get; }

    public HttpClient Dinkes { get; }

    public HttpClient Coordinator { get; }

    public HttpClient Auditor { get; }

    /// <summary>The officer pages alternate the two demo agencies' officers: two different inboxes.</summary>
    public HttpClient Officer(int i) => i % 2 == 0 ? Puprkim : Dinkes;

    public static async Task<ScaleSide> SignInAsync(ScaleDatabase database, HostProcess host) => new(database, host,
        await SignedInClient.ForAsync(host, null),
        await SignedInClient.ForAsync(host, "puprkim.petugas"),
        await SignedInClient.ForAsync(host, "dinkes.petugas"),
        await SignedInClient.ForAsync(host, "koordinator"),
        await SignedInClient.ForAsync(host, "auditor"));

    public void Dispose()
    {
        foreach (var client in new[] { Anonymous, Puprkim, Dinkes, Coordinator, Auditor })
            client.Dispose();
    }
}
