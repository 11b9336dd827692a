using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Lapor.Host.Tests.Delivery;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port: the host's MailKit client talks SMTP to it over a
/// socket, and tests read what arrived, parsed with MimeKit. <see cref="Refuse"/> makes it answer every message with a
/// permanent failure, as a broken relay would.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<MimeMessage> _received = new();

    public SmtpSink()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("sink.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public bool Refuse { get; set; }

    public int Refused;

    public IReadOnlyList<MimeMessage> Received => _received.ToArray();

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="done"/> holds for what arrived, or fails after <paramref name="seconds"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitAsync(Func<IReadOnlyList<MimeMessage>, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(Received))
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"SMTP sink: condition not met after {seconds} s; received: "
                                           + string.Join("; ", Received.Select(m => $"{m.To} '{m.Subject}'")));
            await Task.Delay(100);
        }
        return Received;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (sink.Refuse)
            {
                Interlocked.Increment(ref sink.Refused);
                return SmtpResponse.TransactionFailed;
            }
            await using var stream = new MemoryStream(buffer.ToArray());
            sink._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
