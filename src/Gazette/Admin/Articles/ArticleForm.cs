using System.Globalization;

using Gazette.Articles;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Media;
using Gazette.Tags;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary>The story edit form as posted: strings and ids only, so nothing a person types can fail binding.</summary>
public sealed class ArticleForm
{
    public string? Version { get; set; }

    /// <summary>The revision the form was loaded from: a refused stale save shows what changed since.</summary>
    public int BaseRevision { get; set; }

    public string? Headline { get; set; }
    public string? SecondHeadline { get; set; }
    public string? Standfirst { get; set; }
    public string? Slug { get; set; }
    public string? Language { get; set; }
    public int? SectionId { get; set; }
    public string? Tags { get; set; }

    /// <summary>The byline in order, one select per place; empty places are skipped.</summary>
    public List<int?> AuthorIds { get; set; } = [];
    public string? FigureUrl { get; set; }
    public int? FigureMediaId { get; set; }
    public string? FigureAlt { get; set; }
    public string? FigureCaption { get; set; }
    public string? FigureCredit { get; set; }
    public string? Body { get; set; }

    /// <summary>True unless the editor unticks it (the checkbox posts a hidden "false" then), so older forms keep comments open.</summary>
    public bool CommentsOpen { get; set; } = true;

    /// <summary>"Read also" stories always shown, then never shown: one per line, by id, address or slug (see <see cref="Related.RelatedChoices"/>).</summary>
    public string? RelatedPinned { get; set; }
    public string? RelatedExcluded { get; set; }

    /// <summary>Date (yyyy-MM-dd) and time (HH:mm) in the site's time zone, for the Schedule button.</summary>
    public string? ScheduleDate { get; set; }
    public string? ScheduleTime { get; set; }

    public static ArticleForm From(Article article, int latestRevision, TimeZoneInfo zone)
    {
        var scheduled = article.Status == ArticleStatus.Scheduled && article.PublishedAt is { } at
            ? TimeZoneInfo.ConvertTimeFromUtc(at, zone)
            : (DateTime?)null;
        return new ArticleForm
        {
            Version = article.Version.ToString(),
            BaseRevision = latestRevision,
            Headline = article.Headline,
            SecondHeadline = article.SecondHeadline,
            Standfirst = article.Standfirst,
            Slug = article.Slug,
            Language = article.Language,
            SectionId = article.SectionId,
            Tags = string.Join(", ", article.Tags.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase)),
            AuthorIds = article.Authors.OrderBy(a => a.Position).Select(a => (int?)a.AuthorId).ToList(),
            FigureUrl = article.FeaturedFigure?.ImageUrl,
            FigureMediaId = article.FeaturedFigure?.MediaId,
            FigureAlt = article.FeaturedFigure?.AltText,
            FigureCaption = article.FeaturedFigure?.Caption,
            FigureCredit = article.FeaturedFigure?.Credit,
            Body = article.BodyMarkdown,
            CommentsOpen = article.CommentsOpen,
            ScheduleDate = scheduled?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ScheduleTime = scheduled?.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Copies the form into <paramref name="article"/>, checking the section, authors and media it names; returns the
    /// problems by form field. With <paramref name="createTags"/> false (a preview) new tags are shown but not added to the database.
    /// </summary>
    public async Task<Dictionary<string, string>> ApplyToAsync(Article article, GazetteDb db, bool createTags, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        article.Headline = Headline ?? "";
        article.SecondHeadline = SecondHeadline;
        article.Standfirst = Standfirst ?? "";
        article.BodyMarkdown = Body ?? "";
        article.Slug = Slug ?? "";
        article.Language = Language ?? "";
        article.CommentsOpen = CommentsOpen;

        if (SectionId is { } sectionId)
        {
            var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == sectionId, cancellationToken);
            if (section is null)
                errors[$"Form.{nameof(SectionId)}"] = Localization.NewsroomLabels.Current["SectionGone"];
            article.Section = section;
            article.SectionId = section?.Id;
        }
        else
        {
            article.Section = null;
            article.SectionId = null;
        }

        var names = TagNames.Split(Tags);
        var tags = createTags
            ? await TagNames.FindOrCreateAsync(db, names, cancellationToken)
            : names.Select(name => new Tag { Name = name, Slug = TagNames.SlugOf(name) }).ToList();
        article.Tags.RemoveAll(tag => !tags.Contains(tag));
        article.Tags.AddRange(tags.Where(tag => !article.Tags.Contains(tag)));

        var authorIds = AuthorIds.OfType<int>().Distinct().ToList();
        var authors = await db.Authors.Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (authors.Count < authorIds.Count)
            errors[$"Form.{nameof(AuthorIds)}"] = Localization.NewsroomLabels.Current["AuthorGone"];
        SetByline(article, authorIds.Where(authors.ContainsKey).Select(id => authors[id]).ToList());

        await ApplyFigureAsync(article, db, errors, cancellationToken);
        return errors;
    }

    private static void SetByline(Article article, List<Author> authors)
    {
        // Reconcile rather than replace: a byline row is keyed by (story, author), and EF cannot delete and re-add one key.
        article.Authors.RemoveAll(byline => authors.All(a => a.Id != byline.AuthorId));
        for (var position = 0; position < authors.Count; position++)
        {
            var byline = article.Authors.FirstOrDefault(b => b.AuthorId == authors[position].Id);
            if (byline is null)
                article.Authors.Add(byline = new ArticleAuthor { AuthorId = authors[position].Id, Author = authors[position] });
            byline.Position = position;
        }
    }

    private async Task ApplyFigureAsync(Article article, GazetteDb db, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var url = FigureUrl?.Trim() ?? "";
        MediaItem? media = null;
        if (FigureMediaId is { } mediaId)
        {
            media = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken);
            if (media is null)
                errors[$"Form.{nameof(FigureMediaId)}"] = Localization.NewsroomLabels.Current.Format("NoSuchImage", mediaId);
            else if (url.Length == 0)
                url = MediaFiles.DefaultUrl(media);
        }
        if (url.Length == 0)
        {
            article.FeaturedFigure = null;
            return;
        }
        if (!(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
            && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            errors[$"Form.{nameof(FigureUrl)}"] = Localization.NewsroomLabels.Current["ImageAddressInvalid"];
        else if (url.Length > 1000)
            errors[$"Form.{nameof(FigureUrl)}"] = Localization.NewsroomLabels.Current["ImageAddressTooLong"];

        if (FigureAlt?.Length > 1000)
            errors[$"Form.{nameof(FigureAlt)}"] = Localization.NewsroomLabels.Current["ErrorAltTextTooLong"];
        if (FigureCaption?.Length > 2000)
            errors[$"Form.{nameof(FigureCaption)}"] = Localization.NewsroomLabels.Current["ErrorCaptionTooLong"];
        if (FigureCredit?.Length > 300)
            errors[$"Form.{nameof(FigureCredit)}"] = Localization.NewsroomLabels.Current["ErrorCreditTooLong"];

        var previous = article.FeaturedFigure;
        var sameImage = previous is not null && previous.ImageUrl == url;
        article.FeaturedFigure = new Figure
        {
            ImageUrl = url,
            AltText = FigureAlt?.Trim() ?? "",
            Caption = string.IsNullOrWhiteSpace(FigureCaption) ? null : FigureCaption.Trim(),
            Credit = string.IsNullOrWhiteSpace(FigureCredit) ? null : FigureCredit.Trim(),
            MediaId = media?.Id,
            Width = media?.Width ?? (sameImage ? previous!.Width : null),
            Height = media?.Height ?? (sameImage ? previous!.Height : null),
        };
    }
}
