using System.Text.Json;
using System.Text.Json.Serialization;

using Gazette.Localization;
using Gazette.Site;

namespace Gazette.Translations;

/// <summary>Why machine translation gave nothing, in words an editor can act on.</summary>
public sealed class MachineTranslationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A LibreTranslate-compatible endpoint (<c>POST /translate</c> with <c>q</c>, <c>source</c>, <c>target</c>,
/// <c>format</c>, <c>api_key</c>), as an administrator configured it in the site settings. Nothing is sent anywhere
/// unless an address is set.
/// </summary>
public sealed class MachineTranslator(HttpClient http, SiteContext site, MachineTranslationKey keys, Data.GazetteDb db)
{
    /// <summary>Texts per request: keeps each request small enough for the usual character limits.</summary>
    private const int BatchSize = 20;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static bool IsConfigured(SiteSettings settings) => !string.IsNullOrWhiteSpace(settings.MachineTranslationUrl);

    /// <summary>The translations of <paramref name="texts"/>, in order; blank texts come back as they are without being sent.</summary>
    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, string sourceLanguage, string targetLanguage,
        CancellationToken cancellationToken)
    {
        var settings = (await site.GetAsync(cancellationToken)).Settings;
        if (!IsConfigured(settings))
            throw new MachineTranslationException(NewsroomLabels.Current["MachineTranslationOff"]);
        var apiKey = keys.Reveal(settings.MachineTranslationApiKey);
        if (apiKey is not null && !MachineTranslationKey.LooksProtected(settings.MachineTranslationApiKey!))
            await keys.ProtectStoredAsync(db, site, cancellationToken);
        var endpoint = EndpointOf(settings.MachineTranslationUrl);
        var results = texts.ToArray();
        var toSend = Enumerable.Range(0, texts.Count).Where(i => !string.IsNullOrWhiteSpace(texts[i])).ToList();
        foreach (var batch in toSend.Chunk(BatchSize))
        {
            var request = new TranslateRequest(batch.Select(i => texts[i]).ToList(), EngineCode(sourceLanguage), EngineCode(targetLanguage), "text",
                apiKey);
            var translated = await SendAsync(endpoint, request, cancellationToken);
            if (translated.Count != batch.Length)
                throw new MachineTranslationException(NewsroomLabels.Current.Format("MachineTranslationCountMismatch", endpoint.Authority, translated.Count, batch.Length));
            for (var j = 0; j < batch.Length; j++)
                results[batch[j]] = translated[j];
        }
        return results;
    }

    private async Task<IReadOnlyList<string>> SendAsync(Uri endpoint, TranslateRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint, request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new MachineTranslationException(
                    NewsroomLabels.Current.Format("MachineTranslationRefused", endpoint.Authority, $"{(int)response.StatusCode}{ErrorOf(body)}"));
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("translatedText", out var translated))
                throw new MachineTranslationException(NewsroomLabels.Current.Format("MachineTranslationNoField", endpoint.Authority));
            return translated.ValueKind == JsonValueKind.Array
                ? translated.EnumerateArray().Select(t => t.GetString() ?? "").ToList()
                : [translated.GetString() ?? ""];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MachineTranslationException(NewsroomLabels.Current.Format("MachineTranslationTimeout", endpoint.Authority, (int)Timeout.TotalSeconds));
        }
        catch (HttpRequestException exception)
        {
            throw new MachineTranslationException(NewsroomLabels.Current.Format("MachineTranslationUnreachable", endpoint.Authority, exception.Message), exception);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new MachineTranslationException(NewsroomLabels.Current.Format("MachineTranslationGarbled", endpoint.Authority), exception);
        }
    }

    /// <summary>The configured address as given (…/translate), or with /translate added to a base address.</summary>
    public static Uri EndpointOf(string configured)
    {
        var url = configured.Trim().TrimEnd('/');
        return new Uri(url.EndsWith("/translate", StringComparison.OrdinalIgnoreCase) ? url : url + "/translate");
    }

    /// <summary>LibreTranslate knows languages by their ISO 639 code (pt, not pt-BR), Chinese scripts aside.</summary>
    private static string EngineCode(string language) =>
        language.StartsWith("zh-Hant", StringComparison.OrdinalIgnoreCase) ? "zh-Hant" : language.Split('-')[0].ToLowerInvariant();

    private static string ErrorOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.GetString() is { Length: > 0 } text
                ? ": " + (text.Length > 200 ? text[..200] : text)
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private sealed record TranslateRequest(
        [property: JsonPropertyName("q")] IReadOnlyList<string> Q,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("format")] string Format,
        [property: JsonPropertyName("api_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey);
}
