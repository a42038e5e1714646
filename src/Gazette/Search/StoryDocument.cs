using System.Net;
using System.Text.RegularExpressions;

using Gazette.Articles;
using Gazette.Text.Analysis;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;

namespace Gazette.Search;

/// <summary>
/// How a story is laid out in the index. Text fields carry the analyzer key of the story's language in their
/// name (<c>headline_fr</c>, <c>body_en</c>…): each field has one analysis, so index and query agree term for
/// term, and BM25's document frequencies are counted per language (a word common in French stories does not
/// weigh less in English ones). Filters and the change feed use the untokenized id, slug and date fields.
/// </summary>
public static partial class StoryDocument
{
    public const string Id = "id";
    public const string Language = "lang";
    public const string LanguageTag = "language";
    public const string Slug = "slug";
    public const string Published = "published";
    public const string SectionSlug = "section_slug";
    public const string SectionId = "section_id";
    public const string TagSlug = "tag";
    public const string TagId = "tag_id";
    public const string AuthorSlug = "author";
    public const string AuthorId = "author_id";
    public const string ImageUrl = "image";
    public const string ImageAlt = "image_alt";

    /// <summary>The normalised body and headline, so "read also" can leave out copies of a story (see <see cref="Related.TextFingerprint"/>).</summary>
    public const string BodyFingerprint = "body_print";
    public const string HeadlineFingerprint = "headline_print";

    public const string Headline = "headline";
    public const string SecondHeadline = "subhead";
    public const string Standfirst = "standfirst";
    public const string Body = "body";
    public const string Tags = "tags";
    public const string Authors = "authors";
    public const string Section = "section";

    /// <summary>The text fields with their query-time weight: a match in the headline counts most.</summary>
    public static readonly IReadOnlyList<(string Field, float Boost)> WeightedTextFields =
    [
        (Headline, 3f), (SecondHeadline, 2f), (Standfirst, 1.5f), (Body, 1f), (Tags, 1.5f), (Authors, 1f), (Section, 1f),
    ];

    public static string FieldName(string textField, string analyzerKey) => $"{textField}_{analyzerKey}";

    /// <summary>Routes each language's text fields to that language's analyzer.</summary>
    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        StoryAnalyzers.For(StoryAnalyzers.Standard),
        StoryAnalyzers.Keys
            .SelectMany(key => WeightedTextFields.Select(field => (Name: FieldName(field.Field, key), Analyzer: StoryAnalyzers.For(key))))
            .ToDictionary(pair => pair.Name, pair => pair.Analyzer));

    /// <summary>Whether a story belongs in the index: published, or scheduled (hidden at query time until its minute).</summary>
    public static bool Belongs(Article article) =>
        article.DeletedAt is null && article.PublishedAt is not null
        && article.Status is ArticleStatus.Published or ArticleStatus.Scheduled;

    public static Document From(Article article)
    {
        var key = StoryAnalyzers.KeyOf(article.Language);
        var document = new Document
        {
            new StringField(Id, IdText(article.Id), Field.Store.YES),
            new StringField(Language, article.Language.Split('-')[0].ToLowerInvariant(), Field.Store.NO),
            new StoredField(LanguageTag, article.Language),
            new StoredField(Slug, article.Slug),
            new Int64Field(Published, article.PublishedAt!.Value.Ticks, Field.Store.YES),
            new NumericDocValuesField(Published, article.PublishedAt!.Value.Ticks),
            new TextField(FieldName(Headline, key), article.Headline, Field.Store.YES),
            new TextField(FieldName(Standfirst, key), article.Standfirst, Field.Store.YES),
            new TextField(FieldName(Body, key), PlainText(article.BodyHtml), Field.Store.YES),
            new StringField(HeadlineFingerprint, Related.TextFingerprint.Of(article.Headline), Field.Store.YES),
        };
        var body = PlainText(article.BodyHtml);
        // The language field holds the language (pt) and, for a regional story, its whole tag too (pt-br): a pt-BR
        // edition's search keeps to Brazilian stories, a search in pt finds every Portuguese one.
        var languageTag = article.Language.ToLowerInvariant();
        if (languageTag.Contains('-'))
            document.Add(new StringField(Language, languageTag, Field.Store.NO));
        if (body.Length > 0)
            document.Add(new StringField(BodyFingerprint, Related.TextFingerprint.Of(body), Field.Store.YES));
        if (!string.IsNullOrWhiteSpace(article.SecondHeadline))
            document.Add(new TextField(FieldName(SecondHeadline, key), article.SecondHeadline, Field.Store.YES));
        if (article.Section is { } section)
        {
            document.Add(new TextField(FieldName(Section, key), section.Name, Field.Store.YES));
            document.Add(new StringField(SectionSlug, section.Slug, Field.Store.YES));
            document.Add(new StringField(SectionId, IdText(section.Id), Field.Store.NO));
        }
        foreach (var tag in article.Tags)
        {
            document.Add(new TextField(FieldName(Tags, key), tag.Name, Field.Store.NO));
            document.Add(new StringField(TagSlug, tag.Slug, Field.Store.NO));
            document.Add(new StringField(TagId, IdText(tag.Id), Field.Store.YES));
        }
        foreach (var byline in article.Authors.OrderBy(a => a.Position))
        {
            document.Add(new TextField(FieldName(Authors, key), byline.Author.Name, Field.Store.YES));
            document.Add(new StringField(AuthorSlug, byline.Author.Slug, Field.Store.NO));
            document.Add(new StringField(AuthorId, IdText(byline.Author.Id), Field.Store.NO));
        }
        if (article.FeaturedFigure is { ImageUrl: { Length: > 0 } image } figure)
        {
            document.Add(new StoredField(ImageUrl, image));
            document.Add(new StoredField(ImageAlt, figure.AltText ?? ""));
        }
        return document;
    }

    public static string IdText(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The words of the rendered body: tags become spaces (so block ends keep words apart), entities characters.</summary>
    public static string PlainText(string html) =>
        WebUtility.HtmlDecode(Spaces().Replace(MarkupTags().Replace(html, " "), " ")).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex MarkupTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
