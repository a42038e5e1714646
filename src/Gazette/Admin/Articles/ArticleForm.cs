using System.Globalization;

using Gazette.Articles;
using Gazette.Tags;

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
    /// The form's content as the workflow takes it: tags split at the commas the editor types between them, empty
    /// byline places skipped. Problems come back keyed by the same property names as here, so "Form." + key is the field.
    /// </summary>
    public ArticleChanges ToChanges() => new()
    {
        Headline = Headline,
        SecondHeadline = SecondHeadline,
        Standfirst = Standfirst,
        BodyMarkdown = Body,
        Slug = Slug,
        Language = Language,
        SectionId = SectionId,
        Tags = TagNames.Split(Tags),
        AuthorIds = AuthorIds.OfType<int>().ToList(),
        FigureUrl = FigureUrl,
        FigureMediaId = FigureMediaId,
        FigureAlt = FigureAlt,
        FigureCaption = FigureCaption,
        FigureCredit = FigureCredit,
        CommentsOpen = CommentsOpen,
    };
}
