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
    /// <summary>Saves as the system (import, demo content, tests), recording the revision as "saved".</summary>
    public Task SaveAsync(Article article, CancellationToken cancellationToken = default) =>
        SaveAsync(article, Editor.System, "saved", cancellationToken);

    /// <summary>
    /// Saves the story and appends its next revision, saying who did what. A tracked story whose Version no longer
    /// matches the database's raises <see cref="DbUpdateConcurrencyException"/>, and nothing is written.
    /// </summary>
    public async Task SaveAsync(Article article, Editor by, string action, CancellationToken cancellationToken = default)
    {
        Normalize(article);
        Validate(article);
        var now = clock.GetUtcNow().UtcDateTime;
        var timeZone = (await site.GetAsync(cancellationToken)).TimeZone;
        var entry = db.Entry(article);
        string? oldPath = null;
        // The revision's snapshot needs the tags and bylines even when the caller changed only the status.
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            if (!entry.Collection(a => a.Tags).IsLoaded)
                await entry.Collection(a => a.Tags).LoadAsync(cancellationToken);
            if (!entry.Collection(a => a.Authors).IsLoaded)
                await entry.Collection(a => a.Authors).LoadAsync(cancellationToken);
        }
        if (entry.State == EntityState.Detached && article.Id == 0)
        {
            article.CreatedAt = article.CreatedAt == default ? now : article.CreatedAt;
            db.Articles.Add(article);
        }
        else
        {
            var original = await db.Articles.AsNoTracking()
                .Where(a => a.Id == article.Id)
                .Select(a => new { a.Language, a.Slug, a.PublishedAt, a.CreatedAt, a.Status, a.Headline })
                .FirstOrDefaultAsync(cancellationToken);
            if (original is { Status: ArticleStatus.Published or ArticleStatus.Scheduled or ArticleStatus.Unpublished })
                oldPath = Addresses.Story(original.Language, original.Slug, original.PublishedAt ?? original.CreatedAt, timeZone);
            // Until a story first goes out, an address nobody chose follows its headline (as in WordPress): a translation
            // starts as a copy of the original's headline, and must not keep the original language's words in its URL.
            if (original is { Status: ArticleStatus.Draft or ArticleStatus.InReview, PublishedAt: null }
                && article.Slug == original.Slug && article.Headline != original.Headline
                && IsMadeFrom(original.Slug, original.Headline))
                article.Slug = "";
        }

        article.Slug = await UniqueSlugAsync(article, cancellationToken);
        article.BodyHtml = await markdown.RenderAsync(article.BodyMarkdown, article.Language, cancellationToken);
        article.UpdatedAt = now;
        if (article.Status == ArticleStatus.Published && article.PublishedAt is null)
            article.PublishedAt = now;

        var newPath = Addresses.Story(article, timeZone);
        if (oldPath is not null && oldPath != newPath)
        {
            if (!await db.ArticleRedirects.AnyAsync(r => r.Path == oldPath, cancellationToken))
                db.ArticleRedirects.Add(new ArticleRedirect { Path = oldPath, ArticleId = article.Id });
        }
        // One transaction for the redirects, the story and its revision: a refused (stale) save leaves no trace.
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        // A story that takes back a path it once had must not redirect to itself.
        await db.ArticleRedirects.Where(r => r.Path == newPath).ExecuteDeleteAsync(cancellationToken);
        if (article.Id == 0)
            await db.SaveChangesAsync(cancellationToken); // the revision needs the new story's id
        await AddRevisionAsync(article, by, action, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Moves a story to the trash (hidden everywhere, restorable for 30 days), keeping a revision of it.</summary>
    public Task DeleteAsync(Article article, Editor by, CancellationToken cancellationToken = default)
    {
        article.DeletedAt = clock.GetUtcNow().UtcDateTime;
        return SaveWorkflowAsync(article, by, "deleted", cancellationToken);
    }

    /// <summary>Takes a story back out of the trash as it was.</summary>
    public Task RestoreFromTrashAsync(Article article, Editor by, CancellationToken cancellationToken = default)
    {
        article.DeletedAt = null;
        return SaveWorkflowAsync(article, by, "restored from the trash", cancellationToken);
    }

    // Deleting and restoring change no content, so they skip validation: an old story that breaks a newer rule still goes to the trash.
    private async Task SaveWorkflowAsync(Article article, Editor by, string action, CancellationToken cancellationToken)
    {
        var entry = db.Entry(article);
        if (!entry.Collection(a => a.Tags).IsLoaded)
            await entry.Collection(a => a.Tags).LoadAsync(cancellationToken);
        if (!entry.Collection(a => a.Authors).IsLoaded)
            await entry.Collection(a => a.Authors).LoadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        article.UpdatedAt = now;
        await AddRevisionAsync(article, by, action, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddRevisionAsync(Article article, Editor by, string action, DateTime now, CancellationToken cancellationToken)
    {
        var last = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id,
            Number = last + 1,
            CreatedAt = now,
            UserId = by.UserId,
            UserName = by.Name.Length > 200 ? by.Name[..200] : by.Name,
            Action = action.Length > 100 ? action[..100] : action,
            Snapshot = ArticleSnapshot.Of(article).ToJson(),
        });
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
        // In the newsroom member's language on admin pages; English for the API, which has no request culture.
        var t = Localization.NewsroomLabels.Current;
        var errors = new Dictionary<string, string>();
        if (article.Headline.Length == 0)
            errors[nameof(Article.Headline)] = t["StoryNeedsHeadline"];
        else if (article.Headline.Length > 300)
            errors[nameof(Article.Headline)] = t["HeadlineTooLong"];
        if (article.SecondHeadline?.Length > 300)
            errors[nameof(Article.SecondHeadline)] = t["SecondHeadlineTooLong"];
        if (article.Standfirst.Length > 2000)
            errors[nameof(Article.Standfirst)] = t["StandfirstTooLong"];
        if (!LanguageTag().IsMatch(article.Language))
            errors[nameof(Article.Language)] = t.Format("LanguageTagInvalid", article.Language);
        if (article.Status is ArticleStatus.Scheduled && article.PublishedAt is null)
            errors[nameof(Article.PublishedAt)] = t["ScheduledNeedsTime"];
        if (article.MachineTranslated && article.Status is ArticleStatus.Published or ArticleStatus.Scheduled)
            errors[nameof(Article.MachineTranslated)] = t["MachineTranslationNeedsApproval"];
        if (article.FeaturedFigure is { } figure && string.IsNullOrWhiteSpace(figure.AltText))
            errors["FeaturedFigure.AltText"] = t["FigureNeedsAlt"];
        if (errors.Count > 0)
            throw new ArticleValidationException(errors);
    }

    /// <summary>Whether <paramref name="slug"/> is what the headline gives, with or without a "-2" kept unique.</summary>
    private static bool IsMadeFrom(string slug, string headline)
    {
        var made = Slugs.Create(headline);
        return slug == made || (slug.StartsWith(made + "-", StringComparison.Ordinal) && slug[(made.Length + 1)..].All(char.IsAsciiDigit));
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
