using System.Globalization;
using System.Text.Json;

using Gazette.Media;

namespace Gazette.Articles;

/// <summary>
/// A story's editable fields as one revision keeps them (as JSON). Everything a restore needs and a reader of the
/// revision list compares: text, slug, language, section, tags, bylines, featured figure, status and publication time.
/// </summary>
public sealed record ArticleSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Headline { get; init; } = "";
    public string? SecondHeadline { get; init; }
    public string Standfirst { get; init; } = "";
    public string BodyMarkdown { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public int? SectionId { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<int> AuthorIds { get; init; } = [];
    public FigureSnapshot? Figure { get; init; }
    public ArticleStatus Status { get; init; }
    public DateTime? PublishedAt { get; init; }

    public sealed record FigureSnapshot(string ImageUrl, string AltText, string? Caption, string? Credit, int? Width, int? Height, int? MediaId);

    public static ArticleSnapshot Of(Article article) => new()
    {
        Headline = article.Headline,
        SecondHeadline = article.SecondHeadline,
        Standfirst = article.Standfirst,
        BodyMarkdown = article.BodyMarkdown,
        Slug = article.Slug,
        Language = article.Language,
        SectionId = article.SectionId ?? article.Section?.Id,
        Tags = article.Tags.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
        AuthorIds = article.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId != 0 ? a.AuthorId : a.Author?.Id ?? 0).ToList(),
        Figure = article.FeaturedFigure is { } f ? new FigureSnapshot(f.ImageUrl, f.AltText, f.Caption, f.Credit, f.Width, f.Height, f.MediaId) : null,
        Status = article.Status,
        PublishedAt = article.PublishedAt,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ArticleSnapshot Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ArticleSnapshot>(json, Json) ?? new ArticleSnapshot();
        }
        catch (JsonException)
        {
            return new ArticleSnapshot();
        }
    }

    public Figure? ToFigure() => Figure is { } f
        ? new Figure { ImageUrl = f.ImageUrl, AltText = f.AltText, Caption = f.Caption, Credit = f.Credit, Width = f.Width, Height = f.Height, MediaId = f.MediaId }
        : null;

    /// <summary>
    /// The snapshot as lines a person reads and a line diff compares: one line per field, then the body's own lines.
    /// Section and author ids are shown by name when <paramref name="sectionNames"/>/<paramref name="authorNames"/> know them.
    /// </summary>
    public IReadOnlyList<string> ToLines(IReadOnlyDictionary<int, string> sectionNames, IReadOnlyDictionary<int, string> authorNames, TimeZoneInfo zone)
    {
        static string Name(IReadOnlyDictionary<int, string> names, int id) => names.TryGetValue(id, out var name) ? name : $"#{id}";
        // Field names in the reader's newsroom language; both sides of a diff are drawn the same way.
        var t = Localization.NewsroomLabels.Current;
        var lines = new List<string>
        {
            t.Format("DiffHeadline", Headline),
            t.Format("DiffSecondHeadline", SecondHeadline),
            t.Format("DiffStandfirst", Standfirst),
            t.Format("DiffSlug", Slug),
            t.Format("DiffLanguage", Language),
            t.Format("DiffSection", SectionId is { } section ? Name(sectionNames, section) : ""),
            t.Format("DiffTags", string.Join(", ", Tags)),
            t.Format("DiffAuthors", string.Join(", ", AuthorIds.Select(id => Name(authorNames, id)))),
            t.Format("DiffFigure", Figure?.ImageUrl),
            t.Format("DiffFigureAlt", Figure?.AltText),
            t.Format("DiffFigureCaption", Figure?.Caption),
            t.Format("DiffFigureCredit", Figure?.Credit),
            t.Format("DiffStatus", t["Status" + Status]),
            t.Format("DiffPublishedAt", PublishedAt is { } at ? TimeZoneInfo.ConvertTimeFromUtc(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : ""),
            t["DiffBody"],
        };
        lines.AddRange(BodyMarkdown.ReplaceLineEndings("\n").Split('\n'));
        return lines;
    }
}
