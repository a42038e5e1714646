using Gazette.Articles.Markdown;
using Gazette.Caching;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Media;
using Gazette.Search;
using Gazette.Site;
using Gazette.Translations;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles;

[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class ArticlePageModel(GazetteDb db, SiteContext site, ReadAlsoBlocks readAlso, CommentThreads comments, Related.RelatedArticles related, SearchIndex searchIndex, TimeProvider clock)
    : GazettePageModel(site)
{
    public Article Article { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public Labels Labels { get; private set; } = null!;
    public string CanonicalUrl { get; private set; } = "";
    public IReadOnlyList<ShareLink> ShareLinks { get; private set; } = [];

    /// <summary>The library image behind the lead figure, for its responsive variants; null for a plain image URL.</summary>
    public MediaItem? LeadMedia { get; private set; }

    public CommentSection? Comments { get; private set; }

    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];

    /// <summary>The story's public translations, this one included, for the language switcher (empty without any).</summary>
    public IReadOnlyList<LanguageAlternate> Translations { get; private set; } = [];

    public ArticleView View => new(Article, BodyHtml, Labels, Site.TimeZone, ShareLinks, LeadMedia, Comments, Related);

    public async Task<IActionResult> OnGetAsync(string lang, int year, int month, int day, string slug, int? replyTo, string? comment,
        CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Section)
            .Include(a => a.Tags.OrderBy(t => t.Name))
            .Include(a => a.Authors.OrderBy(byline => byline.Position)).ThenInclude(byline => byline.Author)
            .AsSplitQuery()
            .WherePublic(now)
            .FirstOrDefaultAsync(a => a.Language == lang && a.Slug == slug, cancellationToken);
        var requestedPath = Request.Path.Value ?? "";
        // An old address of a story (slug or date changed) is answered by LegacyRedirects after this 404.
        if (article is null)
            return NotFound();

        var path = Addresses.Story(article, Site.TimeZone);
        if (!string.Equals(path, requestedPath, StringComparison.Ordinal))
            return RedirectPermanent(path);

        Article = article;
        UseEdition(Editions.Edition.Of(Site, article.Language));
        await NameTagsInAsync(article, cancellationToken);
        Labels = Labels.For(article.Language);
        BodyHtml = await readAlso.ResolveAsync(article.BodyHtml, article.Language, cancellationToken);
        if (article.FeaturedFigure?.MediaId is { } mediaId)
            LeadMedia = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken);
        Comments = await comments.LoadAsync(article, path, Labels, Site.Settings, now, replyTo,
            comment == "held" ? Labels["CommentAwaitsModeration"] : null, cancellationToken);
        Related = await related.ForAsync(article.Id, cancellationToken);
        HttpContext.TagResponse(CacheTags.ForArticlePage(article, Related.Select(r => r.Id)));
        HttpContext.KeepAtMost(PageLifetimes.ForArticlePage(now, searchIndex.LastChangedAtUtc, Related.Count > 0,
            Comments.Form is null ? null : CommentThreads.ClosesAt(article, Site.Settings)));
        CanonicalUrl = AbsoluteUrl(path);
        var imageUrl = article.FeaturedFigure is { } figure ? AbsoluteUrl(figure.ImageUrl) : null;
        ShareLinks = ShareLink.For(CanonicalUrl, article.DisplayHeadline, imageUrl, Labels);
        SetMeta(new PageMeta
        {
            Title = $"{article.Headline} – {Site.Settings.Title}",
            Description = article.Standfirst,
            Language = article.Language,
            CanonicalUrl = CanonicalUrl,
            OpenGraphType = "article",
            ImageUrl = imageUrl,
            ImageAlt = article.FeaturedFigure?.AltText,
            PublishedAt = article.PublishedAt,
            ModifiedAt = article.UpdatedAt,
            JsonLd = NewsArticleJsonLd.Serialize(article, Site, CanonicalUrl, imageUrl, AbsoluteUrl),
            LanguageAlternates = Translations = await TranslationsOfAsync(article, now, cancellationToken),
            Feeds = [new Feeds.FeedLink(AbsoluteUrl(Addresses.OEmbed(CanonicalUrl)), "application/json+oembed", article.DisplayHeadline)],
        });
        return Page();
    }

    private async Task<IReadOnlyList<LanguageAlternate>> TranslationsOfAsync(Article article, DateTime now, CancellationToken cancellationToken)
    {
        if (article.TranslationGroup is not { } group)
            return [];
        var groups = await TranslationSets.PublicGroupsAsync(db, [group], now, cancellationToken);
        return TranslationSets.Alternates(groups[group], Site.Settings.DefaultLanguage,
            member => AbsoluteUrl(Addresses.Story(member.Language, member.Slug, member.PublishedAt, Site.TimeZone)), article.Id);
    }

    /// <summary>The story's tags under their names in its language (the story is read-only here: nothing is saved).</summary>
    private async Task NameTagsInAsync(Article article, CancellationToken cancellationToken)
    {
        var names = await Names.LocalizedTags.NamesAsync(db, article.Tags.Select(t => t.Id).ToList(), cancellationToken);
        if (names.Count > 0)
            article.Tags = article.Tags.Select(tag => Names.LocalizedTags.In(tag, names, article.Language)).OrderBy(t => t.Name).ToList();
    }
}
