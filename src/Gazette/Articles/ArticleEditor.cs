using System.Text.RegularExpressions;

using Gazette.Articles.Markdown;
using Gazette.Data;
using Gazette.Site;
using Gazette.Text;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles;

/// <summary>Thrown when a story cannot be saved as it is; each entry names the field and says why.</summary>
public sealed class ArticleValidationException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}")))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>
/// Every save of a story goes through here, whoever makes it (editor, import, demo content): it checks the
/// story, gives it a unique slug, renders and sanitizes its body, and keeps its old URL answering with a 301.
/// </summary>
public sealed partial class ArticleEditor(GazetteDb db, ArticleMarkdown markdown, SiteContext site, TimeProvider clock)
{
    public async Task SaveAsync(Article article, CancellationToken cancellationToken = default)
    {
        Normalize(article);
        Validate(article);
        var now = clock.GetUtcNow().UtcDateTime;
        var timeZone = (await site.GetAsync(cancellationToken)).TimeZone;
        var entry = db.Entry(article);
        string? oldPath = null;
        if (entry.State == EntityState.Detached && article.Id == 0)
        {
            article.CreatedAt = article.CreatedAt == default ? now : article.CreatedAt;
            db.Articles.Add(article);
        }
        else
        {
            var original = await db.Articles.AsNoTracking()
                .Where(a => a.Id == article.Id)
                .Select(a => new { a.Language, a.Slug, a.PublishedAt, a.CreatedAt, a.Status })
                .FirstOrDefaultAsync(cancellationToken);
            if (original is { Status: ArticleStatus.Published or ArticleStatus.Scheduled or ArticleStatus.Unpublished })
                oldPath = ArticleUrls.PathOf(original.Language, original.Slug, original.PublishedAt ?? original.CreatedAt, timeZone);
        }

        article.Slug = await UniqueSlugAsync(article, cancellationToken);
        article.BodyHtml = await markdown.RenderAsync(article.BodyMarkdown, article.Language, cancellationToken);
        article.UpdatedAt = now;
        if (article.Status == ArticleStatus.Published && article.PublishedAt is null)
            article.PublishedAt = now;

        var newPath = ArticleUrls.PathOf(article, timeZone);
        if (oldPath is not null && oldPath != newPath)
        {
            if (!await db.ArticleRedirects.AnyAsync(r => r.Path == oldPath, cancellationToken))
                db.ArticleRedirects.Add(new ArticleRedirect { Path = oldPath, ArticleId = article.Id });
        }
        // A story that takes back a path it once had must not redirect to itself.
        await db.ArticleRedirects.Where(r => r.Path == newPath).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Normalize(Article article)
    {
        article.Headline = article.Headline?.Trim() ?? "";
        article.SecondHeadline = string.IsNullOrWhiteSpace(article.SecondHeadline) ? null : article.SecondHeadline.Trim();
        article.Standfirst = article.Standfirst?.Trim() ?? "";
        article.BodyMarkdown ??= "";
        article.Language = (article.Language ?? "").Trim();
        if (LanguageTag().IsMatch(article.Language))
        {
            // BCP 47 case conventions: language lower, region upper (pt-BR), script title (sr-Latn).
            var parts = article.Language.Split('-');
            parts[0] = parts[0].ToLowerInvariant();
            for (var i = 1; i < parts.Length; i++)
                parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant()
                    : parts[i].Length == 4 ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant()
                    : parts[i].ToLowerInvariant();
            article.Language = string.Join('-', parts);
        }
        article.Slug = Slugs.Create(article.Slug);
    }

    private static void Validate(Article article)
    {
        var errors = new Dictionary<string, string>();
        if (article.Headline.Length == 0)
            errors[nameof(Article.Headline)] = "A story needs a headline.";
        else if (article.Headline.Length > 300)
            errors[nameof(Article.Headline)] = "A headline has at most 300 characters.";
        if (article.SecondHeadline?.Length > 300)
            errors[nameof(Article.SecondHeadline)] = "A second headline has at most 300 characters.";
        if (article.Standfirst.Length > 2000)
            errors[nameof(Article.Standfirst)] = "A standfirst has at most 2,000 characters.";
        if (!LanguageTag().IsMatch(article.Language))
            errors[nameof(Article.Language)] = $"'{article.Language}' is not a BCP 47 language tag such as fr, en or pt-BR.";
        if (article.Status is ArticleStatus.Scheduled && article.PublishedAt is null)
            errors[nameof(Article.PublishedAt)] = "A scheduled story needs a publication time.";
        if (article.FeaturedFigure is { } figure && string.IsNullOrWhiteSpace(figure.AltText))
            errors["FeaturedFigure.AltText"] = "A figure needs alternative text for readers who cannot see it.";
        if (errors.Count > 0)
            throw new ArticleValidationException(errors);
    }

    private async Task<string> UniqueSlugAsync(Article article, CancellationToken cancellationToken)
    {
        var stem = article.Slug.Length > 0 ? article.Slug : Slugs.Create(article.Headline);
        if (stem.Length == 0)
            stem = "story";
        var prefix = stem[..Math.Min(stem.Length, Slugs.DefaultMaxLength - 8)];
        var taken = await db.Articles.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.Language == article.Language && a.Id != article.Id && a.Slug.StartsWith(prefix))
            .Select(a => a.Slug)
            .ToListAsync(cancellationToken);
        if (!taken.Contains(stem))
            return stem;
        for (var n = 2; ; n++)
        {
            var suffix = $"-{n}";
            var candidate = (stem.Length + suffix.Length > Slugs.DefaultMaxLength
                ? stem[..(Slugs.DefaultMaxLength - suffix.Length)].TrimEnd('-')
                : stem) + suffix;
            if (!taken.Contains(candidate))
                return candidate;
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
