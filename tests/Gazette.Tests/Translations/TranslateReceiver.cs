using System.Collections.Concurrent;
using System.Text.Json;

using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gazette.Tests.Translations;

/// <summary>
/// A LibreTranslate stand-in on loopback: <c>POST /translate</c> answers each text upper-cased and wrapped in
/// [target:…], so a test sees what was sent and where it went back; or, when failing, a 500 with an error.
/// </summary>
public sealed class TranslateReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    private TranslateReceiver(WebApplication app) => this.app = app;

    public string Url => LoopbackServer.AddressOf(app);

    public static async Task<TranslateReceiver> StartAsync(bool failing = false)
    {
        var app = LoopbackServer.Create();
        var receiver = new TranslateReceiver(app);
        app.MapPost("/translate", async (HttpContext context) =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body);
            var root = request.RootElement.Clone();
            receiver.Requests.Enqueue(root);
            if (failing)
                return Results.Json(new { error = "The engine is down for maintenance" }, statusCode: 500);
            var target = root.GetProperty("target").GetString();
            string Translate(string text) => $"[{target}:{text.ToUpperInvariant()}]";
            var q = root.GetProperty("q");
            return q.ValueKind == JsonValueKind.Array
                ? Results.Json(new { translatedText = q.EnumerateArray().Select(t => Translate(t.GetString()!)).ToArray() })
                : Results.Json(new { translatedText = Translate(q.GetString()!) });
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
