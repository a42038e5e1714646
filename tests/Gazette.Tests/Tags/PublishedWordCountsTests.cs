using Gazette.Articles;
using Gazette.Tags;
using Gazette.Tests.Infrastructure;
using Gazette.Text.Keyphrases;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gazette.Tests.Tags;

public abstract class PublishedWordCountsTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task Counts_the_public_stories_of_the_language_and_recounts_after_an_hour()
    {
        // Made-up words, so that no other test's story can hold them.
        await Site.CreateAsync(TestArticles.UniqueHeadline("Zorblaxian ferries"), a => a.BodyMarkdown = "The zorblaxian ferries sail at dawn.");
        await Site.CreateAsync(TestArticles.UniqueHeadline("Quindlemoor draft"), a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; a.BodyMarkdown = "The quindlemoor plan."; });
        await Site.CreateAsync(TestArticles.UniqueHeadline("Fraxinelle en français"), a => { a.Language = "fr"; a.BodyMarkdown = "Les vraxinelles du port."; });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var counts = new PublishedWordCounts(Site.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<PublishedWordCounts>.Instance);
        var ct = TestContext.Current.CancellationToken;

        var english = await counts.ForAsync("en", ct);
        Assert.NotNull(english);

        Assert.Equal("en", english.Language);
        Assert.Equal(1, english.Count(Stem("zorblaxian")));
        Assert.Equal(0, english.Count(Stem("quindlemoor")));
        Assert.Equal(0, english.Count(Stem("vraxinelles")));
        Assert.True(english.Documents >= 1);

        await Site.CreateAsync(TestArticles.UniqueHeadline("More zorblaxian news"), a => a.BodyMarkdown = "Zorblaxian ferries again.");
        Assert.Same(english, await counts.ForAsync("en", ct));

        clock.Advance(PublishedWordCounts.KeptFor + TimeSpan.FromMinutes(1));
        // The old count serves while the new one is made in the background.
        Assert.Same(english, await counts.ForAsync("en", ct));
        var recounted = english;
        for (var tries = 0; tries < 100 && ReferenceEquals(recounted, english); tries++)
        {
            await Task.Delay(100, ct);
            recounted = await counts.ForAsync("en", ct);
        }
        Assert.NotSame(english, recounted);
        Assert.Equal(2, recounted!.Count(Stem("zorblaxian")));
    }

    [Fact]
    public async Task A_failed_count_leaves_suggestions_without_a_collection()
    {
        // A scope with no database in it: the count fails as it would with the database down.
        var noDatabase = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        var counts = new PublishedWordCounts(noDatabase, TimeProvider.System, NullLogger<PublishedWordCounts>.Instance);

        Assert.Null(await counts.ForAsync("en", TestContext.Current.CancellationToken));
    }

    private static string Stem(string word) => DocumentFrequencies.StemsOf(word, "", "en").Single();
}

public sealed class PublishedWordCountsTestsOnSqlite(SqliteSite site) : PublishedWordCountsTests(site);

public sealed class PublishedWordCountsTestsOnPostgres(PostgresSite site) : PublishedWordCountsTests(site);
