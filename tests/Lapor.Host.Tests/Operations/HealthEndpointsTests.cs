using System.Net;

namespace Lapor.Host.Tests.Operations;

/// <summary>What a load balancer or orchestrator sees on a healthy host.</summary>
public sealed class HealthEndpointsTests(OperationsHost host) : IClassFixture<OperationsHost>
{
    [Fact]
    public async Task Live_AnswersHealthyJson_AndAsksNothingButTheProcess()
    {
        var (status, body) = await HealthAnswer.GetAsync(host.Client(), "health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var check = Assert.Single(body.GetProperty("checks").EnumerateObject());
        Assert.Equal("process", check.Name);
    }

    [Fact]
    public async Task Ready_AnswersHealthyJson_WithTheDatabaseMigratedAndTheSchedulerStarted()
    {
        var (status, body) = await HealthAnswer.GetAsync(host.Client(), "health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["database", "scheduler"], body.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("reachable, migrated", HealthAnswer.Check(body, "database").GetProperty("description").GetString());
        Assert.Equal("started", HealthAnswer.Check(body, "scheduler").GetProperty("description").GetString());
    }

    [Fact]
    public async Task TheFirstReleasesHealthAddress_AnswersLikeLive()
    {
        var (status, body) = await HealthAnswer.GetAsync(host.Client(), "health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("process", Assert.Single(body.GetProperty("checks").EnumerateObject()).Name);
    }

    [Fact]
    public void StartUpLine_NamesTheListeningAddress_AndEveryOtherOne()
    {
        Assert.Equal("Health: http://127.0.0.1:5080/health/live, /health/ready; metrics: /metrics (staff or loopback)",
            Lapor.Host.Operations.OperationsEndpoints.Describe(["http://127.0.0.1:5080"]));
        Assert.Equal("Health: http://127.0.0.1:5080/health/live, /health/ready; metrics: /metrics (staff or loopback); also listening on http://[::1]:5080",
            Lapor.Host.Operations.OperationsEndpoints.Describe(["http://127.0.0.1:5080/", "http://[::1]:5080"]));
        Assert.Null(Lapor.Host.Operations.OperationsEndpoints.Describe([]));
    }
}
