using Gazette.Articles;
using Gazette.Caching;
using Gazette.Comments;
using Gazette.Site;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace Gazette.Tests.Caching;

public sealed class PageLifetimesTests
{
    private sealed class CacheFeature(OutputCacheContext context) : IOutputCacheFeature
    {
        public OutputCacheContext Context { get; } = context;
    }

    private static (HttpContext Http, OutputCacheContext Cache) CachedRequest(TimeSpan policyLifetime)
    {
        var http = new DefaultHttpContext();
        var cache = new OutputCacheContext { HttpContext = http, EnableOutputCaching = true, ResponseExpirationTimeSpan = policyLifetime };
        http.Features.Set<IOutputCacheFeature>(new CacheFeature(cache));
        return (http, cache);
    }

    [Fact]
    public void The_shortest_lifetime_wins_whatever_the_order()
    {
        var (http, cache) = CachedRequest(TimeSpan.FromHours(1));
        http.KeepAtMost(TimeSpan.FromMinutes(3));
        http.KeepAtMost(TimeSpan.FromMinutes(20));
        Assert.Equal(TimeSpan.FromMinutes(3), cache.ResponseExpirationTimeSpan);
        http.KeepAtMost(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), cache.ResponseExpirationTimeSpan);
    }

    [Fact]
    public void A_moment_already_past_still_gives_a_positive_lifetime()
    {
        var (http, cache) = CachedRequest(TimeSpan.FromHours(1));
        http.KeepAtMost(TimeSpan.FromSeconds(-30));
        Assert.Equal(TimeSpan.FromSeconds(1), cache.ResponseExpirationTimeSpan);
    }

    [Fact]
    public void An_uncached_response_is_left_alone()
    {
        var http = new DefaultHttpContext();
        http.KeepAtMost(TimeSpan.FromSeconds(5));
        Assert.Null(http.Features.Get<IOutputCacheFeature>());
    }

    [Fact]
    public void Comments_close_the_configured_number_of_days_after_publication()
    {
        var published = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);
        var story = new Article { Headline = "Closing time", PublishedAt = published, Status = ArticleStatus.Published, CommentsOpen = true };
        Assert.Null(CommentThreads.ClosesAt(story, new SiteSettings { CommentsCloseAfterDays = 0 }));
        var settings = new SiteSettings { CommentsCloseAfterDays = 14 };
        Assert.Equal(published.AddDays(14), CommentThreads.ClosesAt(story, settings));
        Assert.True(CommentThreads.IsOpen(story, settings, published.AddDays(14).AddSeconds(-1)));
        Assert.False(CommentThreads.IsOpen(story, settings, published.AddDays(14)));
    }

    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_settled_story_page_with_related_stories_and_no_closing_time_keeps_the_policy_lifetime()
    {
        Assert.Null(PageLifetimes.ForArticlePage(Now, Now.AddMinutes(-5), hasRelated: true, commentsCloseUtc: null));
    }

    [Fact]
    public void A_story_page_without_related_stories_or_with_a_moving_index_is_provisional()
    {
        Assert.Equal(PageLifetimes.Provisional, PageLifetimes.ForArticlePage(Now, Now.AddMinutes(-5), hasRelated: false, commentsCloseUtc: null));
        Assert.Equal(PageLifetimes.Provisional, PageLifetimes.ForArticlePage(Now, Now.AddSeconds(-2), hasRelated: true, commentsCloseUtc: null));
        Assert.Equal(PageLifetimes.Provisional, PageLifetimes.ForIndexResults(Now, Now.AddSeconds(-2)));
        Assert.Null(PageLifetimes.ForIndexResults(Now, Now.AddSeconds(-30)));
    }

    [Fact]
    public void A_story_page_is_kept_no_longer_than_until_its_comments_close()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), PageLifetimes.ForArticlePage(Now, Now.AddMinutes(-5), hasRelated: true, commentsCloseUtc: Now.AddMinutes(20)));
        // The provisional lifetime is shorter still when both apply.
        Assert.Equal(PageLifetimes.Provisional, PageLifetimes.ForArticlePage(Now, Now.AddMinutes(-5), hasRelated: false, commentsCloseUtc: Now.AddMinutes(20)));
    }
}
