using System.Collections.Concurrent;

using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gazette.Tests.Webhooks;

/// <summary>A webhook receiver on loopback that fails each delivery's first attempt and accepts the second.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Event, string Delivery, string Signature, string Body);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> attempts = new();

    public ConcurrentQueue<Received> Requests { get; } = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public string Url => LoopbackServer.AddressOf(app) + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var app = LoopbackServer.Create();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var delivery = context.Request.Headers["X-Gazette-Delivery"].ToString();
            receiver.Requests.Enqueue(new Received(context.Request.Headers["X-Gazette-Event"].ToString(), delivery,
                context.Request.Headers["X-Gazette-Signature"].ToString(), body));
            return receiver.attempts.AddOrUpdate(delivery, 1, (_, n) => n + 1) == 1 ? Results.StatusCode(500) : Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
