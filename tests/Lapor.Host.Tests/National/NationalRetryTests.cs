using System.Text.Json;
using Lapor.Host.Tests.Delivery;
using Microsoft.AspNetCore.Http;

namespace Lapor.Host.Tests.National;

/// <summary>The national system being down delays events, never loses or doubles them.</summary>
public sealed class NationalRetryTests(NationalHost host) : IClassFixture<NationalHost>
{
    [Fact]
    public async Task AnEndpointAnswering500_IsRetriedWithTheSameEvent_UntilItAnswers200_ThenDeliveredOnce()
    {
        host.National.Status = StatusCodes.Status500InternalServerError;
        var code = await host.SubmitAsync("Lampu jalan mati di Jalan Teuku Umar");
        await host.WaitForEventsAsync(code, e => Created(e).Count >= 3);
        var pending = Assert.Single(await CreatedRowsAsync(code));
        Assert.Null(pending.SentAt);
        Assert.Contains("500", pending.LastError);

        host.National.Status = StatusCodes.Status200OK;
        await WaitAsync(async () => (await CreatedRowsAsync(code)).Single().SentAt is not null);
        var delivered = Created(host.EventsAbout(code)).Count;
        await Task.Delay(2500);
        var requests = Created(host.EventsAbout(code));
        Assert.Equal(delivered, requests.Count);
        Assert.Single(requests.Select(r => r.Request.Headers["Idempotency-Key"]).Distinct());
        Assert.Single(requests.Select(r => r.Event.GetProperty("eventId").GetString()).Distinct());
        var sent = Assert.Single(await CreatedRowsAsync(code));
        Assert.Equal(sent.IdempotencyKey, requests[0].Request.Headers["Idempotency-Key"]);
        Assert.Equal(requests.Count, sent.Attempts);
        Assert.Null(sent.DeadAt);
    }

    private static List<(HttpSink.Recorded Request, JsonElement Event)> Created(IEnumerable<(HttpSink.Recorded Request, JsonElement Event)> events) =>
        events.Where(e => e.Event.GetProperty("eventType").GetString() == "report.created").ToList();

    private async Task<List<Lapor.Host.Data.OutboxMessage>> CreatedRowsAsync(string code) =>
        (await host.OutboxAboutAsync(code)).Where(m => m.Template == "national.created").ToList();

    private static async Task WaitAsync(Func<Task<bool>> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"not done after {seconds} s");
            await Task.Delay(100);
        }
    }
}
