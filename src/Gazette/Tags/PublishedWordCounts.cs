using Gazette.Articles;
using Gazette.Data;
using Gazette.Search;
using Gazette.Text.Keyphrases;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Tags;

/// <summary>
/// How many of the newsroom's published stories use each word, per language, so that the suggested tags of a story
/// pass over words every story uses ("said", "government") for the ones that make this story itself
/// (<see cref="DocumentFrequencies"/>). Counted from the newest <see cref="ArticlesCounted"/> public stories of the
/// language the first time an editor asks (about 2 ms a story), then recounted in the background when older than
/// <see cref="KeptFor"/>, the old count serving meanwhile: word frequencies drift slowly, so only the first request of
/// a language after start-up waits.
/// </summary>
public sealed class PublishedWordCounts(IServiceScopeFactory scopes, TimeProvider time, ILogger<PublishedWordCounts> logger)
{
    public const int ArticlesCounted = 2000;
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Counted> counted = new(StringComparer.Ordinal);

    /// <summary>The counts for a language code ("en", "fr"…); fewer than <see cref="DocumentFrequencies.MinimumDocuments"/>
    /// stories leave the suggestions as they would be without a collection. Null when the count failed: suggestions
    /// are then made without it, and the next request counts again.</summary>
    public async Task<DocumentFrequencies?> ForAsync(string language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Counted entry;
        lock (counted)
        {
            if (!counted.TryGetValue(language, out entry!) || entry.Counts.IsFaulted || entry.Counts.IsCanceled)
                counted[language] = entry = new Counted(CountAsync(language), now);
            else if (entry.Counts.IsCompletedSuccessfully && now - entry.At > KeptFor && !entry.Refreshing)
            {
                entry.Refreshing = true;
                _ = RefreshAsync(language, entry);
            }
        }
        try
        {
            return await entry.Counts.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && entry.Counts.IsFaulted)
        {
            logger.LogWarning(exception, "Counting the words of published stories in {Language} failed.", language);
            return null;
        }
    }

    private async Task RefreshAsync(string language, Counted entry)
    {
        try
        {
            var fresh = await CountAsync(language);
            lock (counted)
                counted[language] = new Counted(Task.FromResult(fresh), time.GetUtcNow());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The old count keeps serving; the next request after an hour tries again.
            logger.LogWarning(exception, "Recounting the words of published stories in {Language} failed.", language);
            lock (counted)
                entry.Refreshing = false;
        }
    }

    private async Task<DocumentFrequencies> CountAsync(string language)
    {
        // Not the caller's token: the count is shared by every editor who asks in the next hour.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var regional = language + "-";
        var stories = await db.Articles.AsNoTracking()
            .WherePublic(time.GetUtcNow().UtcDateTime)
            .Where(a => a.Language == language || a.Language.StartsWith(regional))
            .OrderByDescending(a => a.PublishedAt)
            .Take(ArticlesCounted)
            .Select(a => new { a.Headline, a.Standfirst, a.BodyHtml })
            .ToListAsync();
        var counts = new DocumentFrequencies(language);
        foreach (var story in stories)
            counts.Add(story.Headline, story.Standfirst + "\n" + ArticleDocument.PlainText(story.BodyHtml));
        return counts;
    }

    private sealed class Counted(Task<DocumentFrequencies> counts, DateTimeOffset at)
    {
        public Task<DocumentFrequencies> Counts { get; } = counts;
        public DateTimeOffset At { get; } = at;
        public bool Refreshing { get; set; }
    }
}
