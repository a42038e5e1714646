using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using Gazette.Articles;
using Gazette.Data;
using Gazette.Media;
using Gazette.Sections;
using Gazette.Site;
using Gazette.Tags;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Import.WordPress;

/// <summary>One WordPress post or page, written as a Gazette story with its byline, section, tags, figure and old URLs.</summary>
public sealed partial class WordPressPosts(GazetteDb db, ArticleEditor editor, WordPressMedia media, SiteContext site, TimeProvider clock)
{
    private static readonly Editor Importer = new(null, "WordPress import");

    public sealed record Context(
        WxrSite Site,
        IReadOnlyDictionary<string, WxrTerm> Categories,
        IReadOnlyDictionary<string, int> Bylines,
        string? Language,
        TimeZoneInfo TimeZone,
        ImportSummary Summary);

    public async Task ImportAsync(WxrItem item, Context context, CancellationToken cancellationToken)
    {
        var counts = context.Summary.For(item.PostType == "page" ? "pages" : "posts");
        var status = MapStatus(item.Status);
        if (status is null)
        {
            counts.Skipped++;
            if (item.Status is not ("auto-draft" or "inherit"))
                context.Summary.Warn($"post {item.PostId} \"{item.Title}\" has status '{item.Status}': not imported");
            return;
        }
        var source = context.Site.BaseSiteUrl;
        var id = WordPressImporter.Id(item.PostId);
        var hash = Hash(item);
        var record = await db.ImportRecords.FirstOrDefaultAsync(r => r.Source == source && r.Kind == "post" && r.ExternalId == id, cancellationToken);
        Article? article = null;
        if (record is not null && int.TryParse(record.LocalId, out var articleId))
        {
            article = await db.Articles.IgnoreQueryFilters().Include(a => a.Tags).Include(a => a.Authors)
                .FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken);
            if (article is not null && record.ContentHash == hash)
            {
                counts.Unchanged++;
                db.ChangeTracker.Clear();
                return;
            }
        }
        var isNew = article is null;
        var warnings = new List<string>();
        article ??= new Article { Headline = "" };
        await FillAsync(article, item, status.Value, context, warnings, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await editor.SaveAsync(article, Importer, isNew ? "imported from WordPress" : "updated from WordPress", cancellationToken);
        }
        catch (ArticleValidationException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            counts.Skipped++;
            context.Summary.Warn($"post {item.PostId} (line {item.Line}) not imported: {string.Join(" ", e.Errors.Values)}");
            return;
        }
        await AddRedirectsAsync(article, item, context.Site, cancellationToken);
        await WordPressComments.ImportAsync(db, source, article.Id, article.Language, item.Comments, context.Summary, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (record is null)
        {
            record = new ImportRecord { Source = source, Kind = "post", ExternalId = id, LocalId = "", ContentHash = "" };
            db.ImportRecords.Add(record);
        }
        record.LocalId = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        record.ContentHash = hash;
        record.ImportedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (isNew)
            counts.Imported++;
        else
            counts.Updated++;
        foreach (var warning in warnings)
            context.Summary.Warn($"post {item.PostId} \"{article.Headline}\": {warning}");
    }

    private async Task FillAsync(Article article, WxrItem item, ArticleStatus status, Context context, List<string> warnings, CancellationToken cancellationToken)
    {
        article.Headline = WxrText.Limit(WebUtility.HtmlDecode(item.Title).Trim(), 300);
        if (article.Headline.Length == 0)
        {
            article.Headline = $"Untitled ({item.PostType} {item.PostId})";
            warnings.Add("it has no title; named after its WordPress id");
        }
        article.Language = context.Language ?? LanguageOf(context.Site.Language) ?? (await site.GetAsync(cancellationToken)).Settings.DefaultLanguage;
        article.Status = status;
        article.CommentsOpen = item.CommentStatus != "closed";
        article.PublishedAt = status is ArticleStatus.Draft or ArticleStatus.InReview ? null : item.DateUtc;
        if (status == ArticleStatus.Unpublished)
            article.PublishedAt ??= item.DateUtc;
        article.CreatedAt = item.DateUtc ?? clock.GetUtcNow().UtcDateTime;
        article.Slug = Text.Slugs.Create(DecodeSlug(item.PostName)) is { Length: > 0 } slug ? slug : Text.Slugs.Create(article.Headline);

        var unknownShortcodes = new List<string>();
        var content = WordPressShortcodes.Expand(item.Content, GalleryImage, unknownShortcodes);
        foreach (var name in unknownShortcodes)
            warnings.Add($"shortcode [{name}] is not understood; kept as text");
        var (teaser, body) = SplitMore(content);
        var converter = new HtmlToMarkdown(ResolveImage);
        article.BodyMarkdown = converter.Convert(body);
        warnings.AddRange(converter.Warnings);
        var excerpt = WxrText.PlainText(item.Excerpt);
        article.Standfirst = WxrText.Limit(excerpt.Length > 0 ? excerpt : WxrText.PlainText(teaser ?? ""), 2000);
        if (teaser is not null && excerpt.Length > 0)
            article.BodyMarkdown = converter.Convert(teaser) + "\n" + article.BodyMarkdown;

        article.SectionId = await SectionIdAsync(item, context, cancellationToken);
        article.Tags = await TagsAsync(item, article.SectionId, context, cancellationToken);
        if (context.Bylines.TryGetValue(item.Creator, out var authorId))
        {
            // A byline already right is left alone: removing and re-adding the same row would clash in the tracker.
            if (article.Authors is not [{ } only] || only.AuthorId != authorId)
            {
                article.Authors.Clear();
                article.Authors.Add(new ArticleAuthor { AuthorId = authorId, Position = 0 });
            }
        }
        else if (item.Creator.Length > 0)
            warnings.Add($"its author '{item.Creator}' is not among the export's authors");

        article.FeaturedFigure = null;
        if (item.Meta.GetValueOrDefault("_thumbnail_id") is { } thumbnail && long.TryParse(thumbnail, out var thumbnailId))
        {
            if (media.ByAttachmentId(thumbnailId) is { } image)
            {
                var (width, height) = MediaFiles.DefaultSize(image);
                article.FeaturedFigure = new Figure
                {
                    ImageUrl = MediaFiles.DefaultUrl(image),
                    AltText = image.AltText,
                    Caption = image.Caption,
                    Credit = image.Credit,
                    MediaId = image.Id,
                    Width = width,
                    Height = height,
                };
            }
            else
                warnings.Add($"its featured image (attachment {thumbnailId}) was not imported");
        }
    }

    private ImportedImage? ResolveImage(string url, long? attachmentId)
    {
        var item = (attachmentId is long id ? media.ByAttachmentId(id) : null) ?? media.ByUrl(url);
        return item is null ? null : new ImportedImage(MediaFiles.DefaultUrl(item), item.AltText, item.Caption, item.Credit);
    }

    private string? GalleryImage(long attachmentId) => media.ByAttachmentId(attachmentId) is { } item
        ? $"<figure><img src=\"{WebUtility.HtmlEncode(MediaFiles.DefaultUrl(item))}\" alt=\"{WebUtility.HtmlEncode(item.AltText)}\"></figure>"
        : null;

    /// <summary>Old addresses keep working: the permalink and <c>?p=ID</c> (<c>?page_id=ID</c> for pages) answer 301.</summary>
    private async Task AddRedirectsAsync(Article article, WxrItem item, WxrSite wxrSite, CancellationToken cancellationToken)
    {
        var paths = new List<string> { LegacyRedirects.QueryPath(item.PostType == "page" ? "page_id" : "p", item.PostId) };
        if (item.Link is not null && LegacyRedirects.Normalize(WordPressMedia.UrlPath(item.Link)) is { } linkPath && linkPath != "/")
            paths.Add(linkPath);
        foreach (var path in paths.Where(p => p.Length <= 400))
        {
            var existing = await db.ArticleRedirects.FirstOrDefaultAsync(r => r.Path == path, cancellationToken);
            if (existing is null)
                db.ArticleRedirects.Add(new ArticleRedirect { Path = path, ArticleId = article.Id });
            else
                existing.ArticleId = article.Id;
        }
    }

    private async Task<int?> SectionIdAsync(WxrItem item, Context context, CancellationToken cancellationToken)
    {
        string slug, name;
        if (item.PostType == "page")
            (slug, name) = ("pages", "Pages");
        else
        {
            var categories = item.Terms.Where(t => t.Domain == "category").ToList();
            // Yoast SEO records the primary category; otherwise the first one listed is the post's main one.
            var primaryId = item.Meta.GetValueOrDefault("_yoast_wpseo_primary_category");
            var primary = categories.FirstOrDefault();
            if (primaryId is not null)
                primary = categories.FirstOrDefault(c => context.Categories.GetValueOrDefault(c.Slug)?.TermId == primaryId) ?? primary;
            if (primary is null)
                return null;
            (slug, name) = (Text.Slugs.Create(DecodeSlug(primary.Slug)), WebUtility.HtmlDecode(primary.Name));
            if (slug.Length == 0)
                slug = Text.Slugs.Create(name);
        }
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (section is null)
        {
            var position = await db.Sections.MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
            section = new Section { Name = WxrText.Limit(name, 100), Slug = slug, Position = position + 1 };
            db.Sections.Add(section);
            await db.SaveChangesAsync(cancellationToken);
            site.Invalidate();
        }
        return section.Id;
    }

    private async Task<List<Tag>> TagsAsync(WxrItem item, int? sectionId, Context context, CancellationToken cancellationToken)
    {
        var sectionSlug = sectionId is null ? null : await db.Sections.Where(s => s.Id == sectionId).Select(s => s.Slug).FirstAsync(cancellationToken);
        var tags = new List<Tag>();
        foreach (var term in item.Terms.Where(t => t.Domain is "post_tag" or "category"))
        {
            var name = WebUtility.HtmlDecode(term.Name).Trim();
            var slug = Text.Slugs.Create(DecodeSlug(term.Slug)) is { Length: > 0 } s ? s : Text.Slugs.Create(name);
            if (slug.Length == 0 || term.Domain == "category" && slug == sectionSlug || tags.Any(t => t.Slug == slug))
                continue;
            var tag = await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            if (tag is null)
            {
                tag = new Tag { Name = WxrText.Limit(name, 100), Slug = slug };
                db.Tags.Add(tag);
                await db.SaveChangesAsync(cancellationToken);
            }
            tags.Add(tag);
        }
        return tags;
    }

    private static ArticleStatus? MapStatus(string status) => status switch
    {
        "publish" => ArticleStatus.Published,
        "draft" => ArticleStatus.Draft,
        "pending" => ArticleStatus.InReview,
        "future" => ArticleStatus.Scheduled,
        "private" => ArticleStatus.Unpublished,
        _ => null,
    };

    /// <summary>WordPress keeps the language as a locale ("fr-FR", "en-US"); Gazette's stories use the language ("fr").</summary>
    private static string? LanguageOf(string? locale) =>
        string.IsNullOrWhiteSpace(locale) ? null : locale.Trim().Replace('_', '-').Split('-')[0].ToLowerInvariant();

    private static (string? Teaser, string Body) SplitMore(string content)
    {
        var match = MoreTag().Match(content);
        return match.Success ? (content[..match.Index], content[(match.Index + match.Length)..]) : (null, content);
    }

    private static string DecodeSlug(string slug)
    {
        try
        {
            return Uri.UnescapeDataString(slug);
        }
        catch (UriFormatException)
        {
            return slug;
        }
    }

    private static string Hash(WxrItem item)
    {
        var text = new StringBuilder()
            .Append(item.Title).Append('\u001f').Append(item.Content).Append('\u001f').Append(item.Excerpt).Append('\u001f')
            .Append(item.Status).Append('\u001f').Append(item.PostName).Append('\u001f').Append(item.DateUtc?.ToString("O")).Append('\u001f')
            .Append(item.Creator).Append('\u001f').Append(item.Meta.GetValueOrDefault("_thumbnail_id")).Append('\u001f')
            .AppendJoin('\u001e', item.Terms.Select(t => $"{t.Domain}:{t.Slug}:{t.Name}")).Append('\u001f')
            .AppendJoin('\u001e', item.Comments.Select(c => $"{c.Id}:{c.ParentId}:{c.Approved}:{c.AuthorName}:{c.AuthorEmail}:{c.AuthorUrl}:{c.Content}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [GeneratedRegex(@"<!--more(?:\s[^>]*)?-->", RegexOptions.IgnoreCase)]
    private static partial Regex MoreTag();
}
