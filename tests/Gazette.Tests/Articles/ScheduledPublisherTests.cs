using Gazette.Articles;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gazette.Tests.Articles;

public sealed class ScheduledPublisherTests
{
    private static readonly DateTimeOffset Start = new(2030, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_story_scheduled_at_T_is_not_published_a_second_before_and_is_at_T()
    {
        var clock = new FakeTimeProvider(Start);
        await using var site = new OneOffSite("Sqlite", null, clock);
        await site.InitializeAsync();
        var due = Start.UtcDateTime.AddHours(1);
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Scheduled for nine"), a =>
        {
            a.Status = ArticleStatus.Scheduled;
            a.PublishedAt = due;
        });
        var publisher = site.Services.GetRequiredService<ScheduledPublisher>();

        clock.SetUtcNow(due.AddSeconds(-1));
        Assert.Equal(0, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ArticleStatus.Scheduled, (await LoadAsync(site, story.Id)).Status);

        clock.SetUtcNow(due);
        Assert.Equal(1, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));
        var published = await LoadAsync(site, story.Id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(due, published.PublishedAt);
        Assert.Equal(1, await UpdatedEventsAsync(site, story.Id));

        // A second pass finds nothing left to do.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await UpdatedEventsAsync(site, story.Id));
    }

    [Fact]
    public async Task Drafts_deleted_and_already_published_stories_are_left_alone()
    {
        var clock = new FakeTimeProvider(Start);
        await using var site = new OneOffSite("Sqlite", null, clock);
        await site.InitializeAsync();
        var past = Start.UtcDateTime.AddMinutes(-10);
        var draft = await site.CreateAsync(TestArticles.UniqueHeadline("Draft"), a => { a.Status = ArticleStatus.Draft; a.PublishedAt = past; });
        var deleted = await site.CreateAsync(TestArticles.UniqueHeadline("Deleted"), a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = past; a.DeletedAt = past; });
        var publisher = site.Services.GetRequiredService<ScheduledPublisher>();

        Assert.Equal(0, await publisher.PublishDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ArticleStatus.Draft, (await LoadAsync(site, draft.Id)).Status);
        Assert.Equal(ArticleStatus.Scheduled, (await LoadAsync(site, deleted.Id)).Status);
    }

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_database_publish_each_story_exactly_once()
    {
        await using var database = await OneOffSite.CreatePostgresDatabaseAsync();
        await using var first = new OneOffSite("Postgres", database.ConnectionString);
        await first.InitializeAsync();
        await using var second = new OneOffSite("Postgres", database.ConnectionString);
        await second.InitializeAsync();

        const int count = 25;
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var story = await first.CreateAsync(TestArticles.UniqueHeadline($"Race {i}"), a =>
            {
                a.Status = ArticleStatus.Scheduled;
                a.PublishedAt = DateTime.UtcNow.AddMinutes(-1).AddSeconds(i);
            });
            ids.Add(story.Id);
        }

        var publishers = new[] { first, second, first, second }
            .Select(site => site.Services.GetRequiredService<ScheduledPublisher>())
            .ToArray();
        var counts = await Task.WhenAll(publishers.Select(p => Task.Run(() => p.PublishDueAsync(TestContext.Current.CancellationToken))));

        Assert.Equal(count, counts.Sum());
        Assert.True(counts.Count(c => c > 0) >= 1);
        foreach (var id in ids)
        {
            Assert.Equal(ArticleStatus.Published, (await LoadAsync(second, id)).Status);
            Assert.Equal(1, await UpdatedEventsAsync(second, id));
        }
    }

    private static Task<Article> LoadAsync(GazetteSite site, int id) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles.AsNoTracking().IgnoreQueryFilters()
            .FirstAsync(a => a.Id == id, TestContext.Current.CancellationToken));

    private static Task<int> UpdatedEventsAsync(GazetteSite site, int id) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().ChangeEvents
            .CountAsync(e => e.EntityType == nameof(Article) && e.EntityId == id && e.Kind == ChangeKind.Updated, TestContext.Current.CancellationToken));
}
