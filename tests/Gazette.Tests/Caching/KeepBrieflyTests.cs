using Gazette.Articles;
using Gazette.Caching;
using Gazette.Comments;
using Gazette.Site;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace Gazette.Tests.Caching;

public sealed class KeepBrieflyTests
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
        http.KeepBriefly(TimeSpan.FromMinutes(3));
        http.KeepBriefly(TimeSpan.FromMinutes(20));
        Assert.Equal(TimeSpan.FromMinutes(3), cache.ResponseExpirationTimeSpan);
        http.KeepBriefly(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), cache.ResponseExpirationTimeSpan);
    }

    [Fact]
    public void A_moment_already_past_still_gives_a_positive_lifetime()
    {
        var (http, cache) = CachedRequest(TimeSpan.FromHours(1));
        http.KeepBriefly(TimeSpan.FromSeconds(-30));
        Assert.Equal(TimeSpan.FromSeconds(1), cache.ResponseExpirationTimeSpan);
    }

    [Fact]
    public void An_uncached_response_is_left_alone()
    {
        var http = new DefaultHttpContext();
        http.KeepBriefly(TimeSpan.FromSeconds(5));
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
}
