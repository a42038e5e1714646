using Gazette.Authors;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Media;
using Gazette.Tags;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles;

/// <summary>
/// A story's content as a newsroom member sets it, whichever door it comes through: the editor page turns its
/// form text into this (splitting its comma-separated tags), the admin API its JSON (tags as they came, commas and all).
/// Workflow fields (status, dates) are not here: <see cref="ArticleWorkflow"/> moves those.
/// </summary>
public sealed record ArticleChanges
{
    public string? Headline { get; init; }
    public string? SecondHeadline { get; init; }
    public string? Standfirst { get; init; }
    public string? BodyMarkdown { get; init; }
    public string? Slug { get; init; }
    public string? Language { get; init; }
    public int? SectionId { get; init; }

    /// <summary>Tag names, each one whole: a name may hold a comma ("Smith, John").</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The byline in order.</summary>
    public IReadOnlyList<int> AuthorIds { get; init; } = [];

    public string? FigureUrl { get; init; }
    public int? FigureMediaId { get; init; }
    public string? FigureAlt { get; init; }
    public string? FigureCaption { get; init; }
    public string? FigureCredit { get; init; }
    public bool CommentsOpen { get; init; } = true;

    /// <summary>
    /// Copies the changes into <paramref name="article"/>, checking the section, authors and media they name; returns the
    /// problems keyed by the name of the property here (<c>SectionId</c>, <c>FigureUrl</c>…), for each caller to show
    /// next to its own field. With <paramref name="createTags"/> false (a preview) new tags are shown but not added to the database.
    /// </summary>
    public async Task<Dictionary<string, string>> ApplyToAsync(Article article, GazetteDb db, bool createTags, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        article.Headline = Headline ?? "";
        article.SecondHeadline = SecondHeadline;
        article.Standfirst = Standfirst ?? "";
        article.BodyMarkdown = BodyMarkdown ?? "";
        article.Slug = Slug ?? "";
        article.Language = Language ?? "";
        article.CommentsOpen = CommentsOpen;

        if (SectionId is { } sectionId)
        {
            var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == sectionId, cancellationToken);
            if (section is null)
                errors[nameof(SectionId)] = NewsroomLabels.Current["SectionGone"];
            article.Section = section;
            article.SectionId = section?.Id;
        }
        else
        {
            article.Section = null;
            article.SectionId = null;
        }

        var names = TagNames.Clean(Tags);
        var tags = createTags
            ? await TagNames.FindOrCreateAsync(db, names, cancellationToken)
            : names.Select(name => new Tag { Name = name, Slug = TagNames.SlugOf(name) }).ToList();
        article.Tags.RemoveAll(tag => !tags.Contains(tag));
        article.Tags.AddRange(tags.Where(tag => !article.Tags.Contains(tag)));

        var authorIds = AuthorIds.Distinct().ToList();
        var authors = await db.Authors.Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (authors.Count < authorIds.Count)
            errors[nameof(AuthorIds)] = NewsroomLabels.Current["AuthorGone"];
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
                errors[nameof(FigureMediaId)] = NewsroomLabels.Current.Format("NoSuchImage", mediaId);
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
            errors[nameof(FigureUrl)] = NewsroomLabels.Current["ImageAddressInvalid"];
        else if (url.Length > 1000)
            errors[nameof(FigureUrl)] = NewsroomLabels.Current["ImageAddressTooLong"];

        if (FigureAlt?.Length > 1000)
            errors[nameof(FigureAlt)] = NewsroomLabels.Current["ErrorAltTextTooLong"];
        if (FigureCaption?.Length > 2000)
            errors[nameof(FigureCaption)] = NewsroomLabels.Current["ErrorCaptionTooLong"];
        if (FigureCredit?.Length > 300)
            errors[nameof(FigureCredit)] = NewsroomLabels.Current["ErrorCreditTooLong"];

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
