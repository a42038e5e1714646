using AngleSharp.Dom;

using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Data;
using Gazette.Site;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Articles.Markdown;

/// <summary>Read-also blocks against a running site: the link follows its target's current headline, URL and status.</summary>
public abstract class ReadAlsoBlocksTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Unique(string headline) => $"{headline} {Guid.NewGuid().ToString("N")[..8]}";

    private Task<Article> PublishAsync(string headline, string body = "Text.", string language = "en", ArticleStatus status = ArticleStatus.Published, DateTime? publishedAt = null) =>
        Site.WithScopeAsync(async services =>
        {
            var article = new Article
            {
                Headline = headline,
                BodyMarkdown = body,
                Language = language,
                Status = status,
                PublishedAt = publishedAt ?? (status == ArticleStatus.Published ? DateTime.UtcNow.AddHours(-2) : null),
            };
            await services.GetRequiredService<ArticleEditor>().SaveAsync(article, Cancel);
            return article;
        });

    private Task<Article> EditAsync(int id, Action<Article> change) =>
        Site.WithScopeAsync(async services =>
        {
            var article = await services.GetRequiredService<GazetteDb>().Articles.SingleAsync(a => a.Id == id, Cancel);
            change(article);
            await services.GetRequiredService<ArticleEditor>().SaveAsync(article, Cancel);
            return article;
        });

    private Task<string> ResolveAsync(string storedHtml, string language) =>
        Site.WithScopeAsync(services => services.GetRequiredService<ReadAlsoBlocks>().ResolveAsync(storedHtml, language, Cancel));

    private Task<string> PathOfAsync(Article article) =>
        Site.WithScopeAsync(async services =>
            Addresses.Story(article, (await services.GetRequiredService<SiteContext>().GetAsync(Cancel)).TimeZone));

    private static IElement SingleBlock(string html) => Assert.Single(Html.Parse(html).QuerySelectorAll("aside.read-also"));

    [Fact]
    public async Task The_block_shows_the_target_headline_and_URL_labelled_in_the_page_language()
    {
        var target = await PublishAsync(Unique("Dykes hold as the storm passes"));
        var story = await PublishAsync(Unique("Les digues tiennent"), $"Premier paragraphe.\n\n[[lire-aussi: {target.Id}]]\n\nSuite.", "fr");

        var aside = SingleBlock(await ResolveAsync(story.BodyHtml, "fr"));

        Assert.Equal("Lire aussi", aside.QuerySelector(".read-also-label")!.TextContent);
        var link = aside.QuerySelector("a")!;
        Assert.Equal(target.Headline, link.TextContent);
        Assert.Equal(await PathOfAsync(target), link.GetAttribute("href"));
        Assert.Equal("en", link.GetAttribute("lang"));
        Assert.Equal("Read also", SingleBlock(await ResolveAsync(story.BodyHtml, "en")).QuerySelector(".read-also-label")!.TextContent);
    }

    [Fact]
    public async Task A_renamed_target_is_followed_by_headline_and_URL()
    {
        var target = await PublishAsync(Unique("Council delays the vote"));
        var story = await PublishAsync(Unique("Budget talks"), $"[[read-also: {target.Id}]]");
        var oldPath = await PathOfAsync(target);

        var renamed = await EditAsync(target.Id, a =>
        {
            a.Headline = Unique("Council approves the budget");
            a.Slug = ""; // a new slug from the new headline
        });

        var link = SingleBlock(await ResolveAsync(story.BodyHtml, "en")).QuerySelector("a")!;
        Assert.Equal(renamed.Headline, link.TextContent);
        Assert.Equal(await PathOfAsync(renamed), link.GetAttribute("href"));
        Assert.NotEqual(oldPath, link.GetAttribute("href"));
        Assert.False(link.HasAttribute("lang"));
    }

    [Fact]
    public async Task An_unpublished_target_makes_the_block_disappear()
    {
        var target = await PublishAsync(Unique("Ferry strike ends"));
        var story = await PublishAsync(Unique("Islands reconnected"), $"Before.\n\n[[read-also: {target.Id}]]\n\nAfter.");
        Assert.Single(Html.Parse(await ResolveAsync(story.BodyHtml, "en")).QuerySelectorAll("aside"));

        await EditAsync(target.Id, a => a.Status = ArticleStatus.Unpublished);

        var body = Html.Parse(await ResolveAsync(story.BodyHtml, "en"));
        Assert.Empty(body.QuerySelectorAll("aside"));
        Assert.Equal(["Before.", "After."], body.QuerySelectorAll("p").Select(p => p.TextContent));
    }

    [Fact]
    public async Task Drafts_future_stories_and_missing_ids_show_no_block()
    {
        var draft = await PublishAsync(Unique("Draft"), status: ArticleStatus.Draft);
        var scheduled = await PublishAsync(Unique("Tomorrow"), status: ArticleStatus.Scheduled, publishedAt: DateTime.UtcNow.AddDays(1));
        var story = await PublishAsync(Unique("Hub"), $"[[read-also: {draft.Id}]]\n\n[[read-also: {scheduled.Id}]]\n\n[[read-also: 2000000000]]\n\nText.");

        Assert.Equal(3, Html.Parse(story.BodyHtml).QuerySelectorAll("aside").Length);
        var resolved = await ResolveAsync(story.BodyHtml, "en");
        Assert.DoesNotContain("aside", resolved);
        Assert.Contains("Text.", resolved);
    }

    [Fact]
    public async Task A_slug_is_resolved_to_the_id_at_save_time_so_a_later_rename_follows()
    {
        var target = await PublishAsync(Unique("Port of Rotterdam expands"));
        var story = await PublishAsync(Unique("Shipping news"), $"[[read-also: {target.Slug}]]");

        Assert.Equal(target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), SingleBlock(story.BodyHtml).GetAttribute("data-article"));

        var renamed = await EditAsync(target.Id, a => { a.Headline = Unique("Rotterdam port expansion approved"); a.Slug = ""; });
        Assert.Equal(renamed.Headline, SingleBlock(await ResolveAsync(story.BodyHtml, "en")).QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task A_slug_that_names_no_story_yet_is_found_once_the_story_is_published()
    {
        var slug = "a-story-written-later-" + Guid.NewGuid().ToString("N")[..8];
        var rendering = await Site.WithScopeAsync(services =>
            services.GetRequiredService<ArticleMarkdown>().RenderWithWarningsAsync($"[[read-also: {slug}]]", "en", Cancel));
        Assert.Equal("slug:" + slug, SingleBlock(rendering.Html).GetAttribute("data-article"));
        Assert.Contains(rendering.Warnings, w => w.Line == 1 && w.Message.Contains(slug));
        Assert.Equal("", (await ResolveAsync(rendering.Html, "en")).Trim());

        var target = await PublishAsync("A story written later", language: "en");
        await EditAsync(target.Id, a => a.Slug = slug);

        var link = SingleBlock(await ResolveAsync(rendering.Html, "en")).QuerySelector("a")!;
        Assert.Equal("A story written later", link.TextContent);
        Assert.EndsWith("/" + slug, link.GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_id_warns_at_save_time()
    {
        var rendering = await Site.WithScopeAsync(services =>
            services.GetRequiredService<ArticleMarkdown>().RenderWithWarningsAsync("Text.\n\n[[read-also: 1999999999]]", "en", Cancel));

        var warning = Assert.Single(rendering.Warnings);
        Assert.Equal(3, warning.Line);
    }

    [Fact]
    public async Task Several_blocks_resolve_together_and_headlines_are_escaped()
    {
        var first = await PublishAsync(Unique("Tom & Jerry <b>return</b>"));
        var second = await PublishAsync(Unique("Second target"));
        var story = await PublishAsync(Unique("Two links"), $"[[read-also: {first.Id}]]\n\nMiddle.\n\n[[read-also: {second.Id}]]");

        var resolved = await ResolveAsync(story.BodyHtml, "en");

        var links = Html.Parse(resolved).QuerySelectorAll("aside.read-also a");
        Assert.Equal([first.Headline, second.Headline], links.Select(a => a.TextContent));
        Assert.DoesNotContain("<b>", resolved);
    }

    [Fact]
    public async Task A_body_without_placeholder_is_returned_as_it_is()
    {
        const string html = "<p>Nothing to resolve.</p>";

        Assert.Same(html, await ResolveAsync(html, "fr"));
    }
}

public sealed class ReadAlsoBlocksTestsOnSqlite(SqliteSite site) : ReadAlsoBlocksTests(site);

public sealed class ReadAlsoBlocksTestsOnPostgres(PostgresSite site) : ReadAlsoBlocksTests(site);
