using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gazette.Tests.Comments;

/// <summary>A minimal SMTP server on a loopback port: accepts every message and keeps it, for tests of the mails Gazette sends.</summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public sealed record Message(IReadOnlyList<string> To, string Data);

    public ConcurrentQueue<Message> Messages { get; } = new();

    public SmtpReceiver()
    {
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Waits until a message to <paramref name="to"/> arrives (mail is sent in the background).</summary>
    public async Task<Message> WaitForAsync(string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var found = Messages.FirstOrDefault(m => m.To.Any(r => r.Contains(to, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
                return found;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No mail to {to} arrived; received: {string.Join(", ", Messages.SelectMany(m => m.To))}");
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        var to = new List<string>();
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
                await writer.WriteLineAsync("250 localhost");
            else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
            {
                to.Add(line[8..].Trim().Trim('<', '>'));
                await writer.WriteLineAsync("250 OK");
            }
            else if (command.StartsWith("DATA", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("354 go on");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                    data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append('\n');
                Messages.Enqueue(new Message(to.ToList(), data.ToString()));
                to.Clear();
                await writer.WriteLineAsync("250 queued");
            }
            else if (command.StartsWith("QUIT", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else
                await writer.WriteLineAsync("250 OK");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }
}

/// <summary>A SQLite site of a test's own, with extra settings (rate limits, SMTP).</summary>
public sealed class ConfiguredSite(params (string Key, string Value)[] settings) : Gazette.Tests.Infrastructure.GazetteSite
{
    public override string Provider => "Sqlite";

    protected override string? ConnectionString => null;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gazette:DemoContent", "false");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }
}
