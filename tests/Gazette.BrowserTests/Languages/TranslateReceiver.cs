using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gazette.BrowserTests.Languages;

/// <summary>
/// A LibreTranslate stand-in on loopback: <c>POST /translate</c> answers each text prefixed with <c>[target]</c>, so a
/// flow sees which words came from the "machine". Gazette calls it from the server; the browser never does.
/// </summary>
public sealed class TranslateReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? serving;

    /// <summary>The <c>source→target</c> pairs asked for, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public string Url { get; private set; } = "";

    public void Start()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }
        listener.Prefixes.Add(Url + "/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/translate")
        {
            response.StatusCode = 404;
            return;
        }
        var request = (await JsonNode.ParseAsync(context.Request.InputStream))!;
        var target = request["target"]!.GetValue<string>();
        Requests.Enqueue($"{request["source"]!.GetValue<string>()}→{target}");
        string Translate(JsonNode? text) => $"[{target}] {text!.GetValue<string>()}";
        object translated = request["q"] is JsonArray texts ? texts.Select(Translate).ToArray() : Translate(request["q"]);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { translatedText = translated }));
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (listener.IsListening)
            listener.Stop();
        listener.Close();
        if (serving is not null)
            await serving;
        stopping.Dispose();
    }
}
