using System.Collections.Concurrent;

using Gazette.Articles;
using Gazette.Data;
using Gazette.Search;
using Gazette.Text.Keyphrases;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Tags;

/// <summary>
/// How many of the newsroom's published stories use each word, per language, so that the suggested tags of a story
/// pass over words every story uses ("said", "government") for the ones that make this story itself
/// (<see cref="DocumentFrequencies"/>). Counted from the newest <see cref="StoriesCounted"/> public stories of the
/// language the first time an editor asks, then kept <see cref="KeptFor"/>: word frequencies drift slowly, and an
/// hour-old count is as good as a fresh one for ranking.
/// </summary>
public sealed class PublishedWordCounts(IServiceScopeFactory scopes, TimeProvider time)
{
    public const int StoriesCounted = 2000;
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Counted> counted = new(StringComparer.Ordinal);

    /// <summary>The counts for a language code ("en", "fr"…); fewer than <see cref="DocumentFrequencies.MinimumDocuments"/>
    /// stories leave the suggestions as they would be without a collection.</summary>
    public async Task<DocumentFrequencies> ForAsync(string language, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = counted.AddOrUpdate(language,
            code => new Counted(CountAsync(code), now),
            (code, old) => old.Counts.IsCompleted && (old.Counts.IsFaulted || now - old.At > KeptFor) ? new Counted(CountAsync(code), now) : old);
        return await entry.Counts.WaitAsync(cancellationToken);
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
            .Take(StoriesCounted)
            .Select(a => new { a.Headline, a.Standfirst, a.BodyHtml })
            .ToListAsync();
        var counts = new DocumentFrequencies(language);
        foreach (var story in stories)
            counts.Add(story.Headline, story.Standfirst + "\n" + StoryDocument.PlainText(story.BodyHtml));
        return counts;
    }

    private sealed record Counted(Task<DocumentFrequencies> Counts, DateTimeOffset At);
}
