using System.Net;
using System.Text.RegularExpressions;

using Gazette.Articles;
using Gazette.Text.Analysis;

using Lucene.Net.Analysis;
using Lucene.Net.Documents;

namespace Gazette.Search;

/// <summary>
/// How a story is laid out in the index. All of a story's words (headline, second headline, standfirst, body, tags,
/// authors, section) go into one field named after the analyzer of its language (<c>text_fr</c>, <c>text_en</c>…),
/// and the headline also into its own <c>headline_fr</c>…, which a query only asks for as a bonus: a search looks
/// each word up in two fields per language, not in every field of every language, while a headline match still
/// weighs more. One analysis per field keeps index and query term for term, and BM25's document frequencies are
/// counted per language (a word common in French stories does not weigh less in English ones). What result lists
/// show is stored apart, under plain names; filters and the change feed use the untokenized id, slug and date fields.
/// </summary>
public static partial class ArticleDocument
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

    /// <summary>Stored only: what a result shows and highlights.</summary>
    public const string Headline = "headline";
    public const string SecondHeadline = "subhead";
    public const string Standfirst = "standfirst";
    public const string Body = "body";
    public const string Authors = "authors";
    public const string Section = "section";

    /// <summary>How much more a query word found in the headline counts than one found elsewhere only.</summary>
    public const float HeadlineBoost = 3f;

    /// <summary>The field holding every word of the stories of one analyzer's language.</summary>
    public static string TextField(string analyzerKey) => "text_" + analyzerKey;

    /// <summary>The headline again, analyzed as <see cref="TextField"/>, for the headline bonus.</summary>
    public static string HeadlineField(string analyzerKey) => "headline_" + analyzerKey;

    /// <summary>Routes each language's fields to that language's analyzer.</summary>
    public static Analyzer CreateAnalyzer() => new LanguageFieldAnalyzer();

    /// <summary>
    /// The analyzer of the key after the field's last underscore. The values of a multi-valued field (headline,
    /// body, each tag…) are set far apart, so that a quoted phrase cannot run from the end of one into the next.
    /// </summary>
    private sealed class LanguageFieldAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
            ArticleAnalyzers.For(fieldName[(fieldName.LastIndexOf('_') + 1)..]);

        public override int GetPositionIncrementGap(string fieldName) => 100;
    }

    /// <summary>Whether a story belongs in the index: published, or scheduled (hidden at query time until its minute).</summary>
    public static bool Belongs(Article article) =>
        article.DeletedAt is null && article.PublishedAt is not null
        && article.Status is ArticleStatus.Published or ArticleStatus.Scheduled;

    public static Document From(Article article)
    {
        var key = ArticleAnalyzers.KeyOf(article.Language);
        var text = TextField(key);
        var body = PlainText(article.BodyHtml);
        var document = new Document
        {
            new StringField(Id, IdText(article.Id), Field.Store.YES),
            new StringField(Language, article.Language.Split('-')[0].ToLowerInvariant(), Field.Store.NO),
            new StoredField(LanguageTag, article.Language),
            new StoredField(Slug, article.Slug),
            new Int64Field(Published, article.PublishedAt!.Value.Ticks, Field.Store.YES),
            new NumericDocValuesField(Published, article.PublishedAt!.Value.Ticks),
            new StoredField(Headline, article.Headline),
            new StoredField(Standfirst, article.Standfirst),
            new StoredField(Body, body),
            new StringField(HeadlineFingerprint, Related.TextFingerprint.Of(article.Headline), Field.Store.YES),
            new TextField(HeadlineField(key), article.Headline, Field.Store.NO),
            new TextField(text, article.Headline, Field.Store.NO),
        };
        void AddText(string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                document.Add(new TextField(text, value, Field.Store.NO));
        }
        // The language field holds the language (pt) and, for a regional story, its whole tag too (pt-br): a pt-BR
        // edition's search keeps to Brazilian stories, a search in pt finds every Portuguese one.
        var languageTag = article.Language.ToLowerInvariant();
        if (languageTag.Contains('-'))
            document.Add(new StringField(Language, languageTag, Field.Store.NO));
        if (body.Length > 0)
            document.Add(new StringField(BodyFingerprint, Related.TextFingerprint.Of(body), Field.Store.YES));
        if (!string.IsNullOrWhiteSpace(article.SecondHeadline))
            document.Add(new StoredField(SecondHeadline, article.SecondHeadline));
        AddText(article.SecondHeadline);
        AddText(article.Standfirst);
        AddText(body);
        if (article.Section is { } section)
        {
            AddText(section.Name);
            document.Add(new StoredField(Section, section.Name));
            document.Add(new StringField(SectionSlug, section.Slug, Field.Store.YES));
            document.Add(new StringField(SectionId, IdText(section.Id), Field.Store.NO));
        }
        foreach (var tag in article.Tags)
        {
            AddText(tag.Name);
            document.Add(new StringField(TagSlug, tag.Slug, Field.Store.NO));
            document.Add(new StringField(TagId, IdText(tag.Id), Field.Store.YES));
        }
        foreach (var byline in article.Authors.OrderBy(a => a.Position))
        {
            AddText(byline.Author.Name);
            document.Add(new StoredField(Authors, byline.Author.Name));
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
