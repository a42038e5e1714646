using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

using Gazette.Site;

namespace Gazette.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}

/// <summary>One feed about to be written: its scope, stories (their bodies already resolved), and where things live.</summary>
public sealed record FeedDocument(
    FeedScope Scope, IReadOnlyList<FeedArticle> Stories, string Description, string SiteLanguage, bool FullText,
    Func<string, string> Absolute, Func<FeedArticle, string> ArticlePath, Func<string, long?> MediaLength,
    Func<FeedArticle, string, string>? AuthorPath = null)
{
    public string AuthorUrl(FeedArticle story, string authorSlug) => Absolute(AuthorPath?.Invoke(story, authorSlug) ?? Addresses.Root.Author(authorSlug));
}

/// <summary>
/// Writes RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication, and JSON Feed 1.1 by hand. No e-mail address
/// is ever written: RSS's <c>author</c> element must hold one, so RSS names authors with <c>dc:creator</c>.
/// </summary>
public static partial class FeedWriter
{
    public const string JsonFeedVersion = "https://jsonfeed.org/version/1.1";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace MediaRss = "http://search.yahoo.com/mrss/";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ContentType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "application/rss+xml; charset=utf-8",
        FeedFormat.Atom => "application/atom+xml; charset=utf-8",
        _ => "application/feed+json; charset=utf-8",
    };

    public static byte[] Write(FeedDocument document, FeedFormat format) =>
        format == FeedFormat.Json ? WriteJson(document) : WriteXml(document, format);

    private static byte[] WriteXml(FeedDocument document, FeedFormat format)
    {
        var scope = document.Scope;
        var feedUrl = document.Absolute(Addresses.Feed(scope.FeedPath, format));
        var updated = document.Stories.Count > 0 ? document.Stories.Max(s => s.UpdatedAt) : DateTime.UnixEpoch;
        var feed = new SyndicationFeed(scope.Title, document.Description, new Uri(document.Absolute(scope.PagePath)), feedUrl, Offset(updated))
        {
            Language = scope.Language ?? document.SiteLanguage,
            Generator = "Gazette",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(feedUrl), ContentType(format).Split(';')[0]));
        var items = new List<SyndicationItem>();
        foreach (var story in document.Stories)
        {
            var url = document.Absolute(document.ArticlePath(story));
            var item = new SyndicationItem
            {
                Id = url,
                Title = new TextSyndicationContent(story.DisplayHeadline),
                PublishDate = Offset(story.PublishedAt),
                LastUpdatedTime = Offset(story.UpdatedAt),
                Summary = new TextSyndicationContent(story.Standfirst),
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
            var body = document.FullText ? AbsoluteUrls(story.BodyHtml, document.Absolute) : null;
            if (format == FeedFormat.Atom)
            {
                foreach (var (name, slug) in story.Authors)
                    item.Authors.Add(new SyndicationPerson { Name = name, Uri = document.AuthorUrl(story, slug) });
                if (body is not null)
                    item.Content = new TextSyndicationContent(body, TextSyndicationContentKind.Html);
            }
            else
            {
                foreach (var (name, _) in story.Authors)
                    item.ElementExtensions.Add(new XElement(Dc + "creator", name).CreateReader());
                if (body is not null)
                    item.ElementExtensions.Add(new XElement(Content + "encoded", new XCData(body)).CreateReader());
            }
            if (story.SectionName is { } section)
                item.Categories.Add(new SyndicationCategory(section));
            foreach (var tag in story.Tags)
                item.Categories.Add(new SyndicationCategory(tag));
            if (story.Figure is { } figure)
            {
                var imageUrl = document.Absolute(figure.ImageUrl);
                item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(new Uri(imageUrl), ImageType(figure.ImageUrl), document.MediaLength(figure.ImageUrl) ?? 0));
                if (format == FeedFormat.Rss)
                {
                    var media = new XElement(MediaRss + "content", new XAttribute("url", imageUrl), new XAttribute("medium", "image"),
                        new XElement(MediaRss + "description", figure.AltText));
                    if (figure.Width is { } width && figure.Height is { } height)
                        media.Add(new XAttribute("width", width), new XAttribute("height", height));
                    if (figure.Credit is { Length: > 0 } credit)
                        media.Add(new XElement(MediaRss + "credit", credit));
                    item.ElementExtensions.Add(media.CreateReader());
                }
            }
            items.Add(item);
        }
        feed.Items = items;

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            if (format == FeedFormat.Atom)
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
            else
            {
                // Declared once on the root rather than on every element that uses them.
                feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), Dc.NamespaceName);
                feed.AttributeExtensions.Add(new XmlQualifiedName("content", "http://www.w3.org/2000/xmlns/"), Content.NamespaceName);
                feed.AttributeExtensions.Add(new XmlQualifiedName("media", "http://www.w3.org/2000/xmlns/"), MediaRss.NamespaceName);
                new Rss20FeedFormatter(feed).WriteTo(writer);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] WriteJson(FeedDocument document)
    {
        var scope = document.Scope;
        var feed = new JsonFeed(
            JsonFeedVersion,
            scope.Title,
            document.Absolute(scope.PagePath),
            document.Absolute(Addresses.Feed(scope.FeedPath, FeedFormat.Json)),
            document.Description.Length > 0 ? document.Description : null,
            scope.Language ?? document.SiteLanguage,
            document.Stories.Select(story =>
            {
                var url = document.Absolute(document.ArticlePath(story));
                var tags = (story.SectionName is null ? story.Tags : story.Tags.Prepend(story.SectionName)).ToList();
                return new JsonFeedItem(
                    url,
                    url,
                    story.DisplayHeadline,
                    document.FullText ? AbsoluteUrls(story.BodyHtml, document.Absolute) : null,
                    document.FullText ? null : story.Standfirst,
                    story.Standfirst.Length > 0 ? story.Standfirst : null,
                    story.Figure is null ? null : document.Absolute(story.Figure.ImageUrl),
                    Rfc3339(story.PublishedAt),
                    Rfc3339(story.UpdatedAt),
                    story.Authors.Count == 0 ? null : story.Authors.Select(a => new JsonFeedAuthor(a.Name, document.AuthorUrl(story, a.Slug))).ToList(),
                    tags.Count == 0 ? null : tags,
                    story.Language);
            }).ToList());
        return JsonSerializer.SerializeToUtf8Bytes(feed, JsonOptions);
    }

    public static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Offset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string ImageType(string url) => Path.GetExtension(url.Split('?')[0]).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/jpeg",
    };

    /// <summary>Feed readers show bodies away from the site: root-relative links and images must name the site.</summary>
    public static string AbsoluteUrls(string html, Func<string, string> absolute)
    {
        html = RootRelativeAttribute().Replace(html, m => $"{m.Groups[1].Value}=\"{absolute(m.Groups[2].Value)}\"");
        return SrcSet().Replace(html, m => "srcset=\"" + string.Join(", ", m.Groups[1].Value.Split(',')
            .Select(candidate => candidate.Trim())
            .Select(candidate => candidate.StartsWith('/') && !candidate.StartsWith("//", StringComparison.Ordinal) ? absolute(candidate) : candidate)) + "\"");
    }

    [GeneratedRegex("\\b(src|href)=\"(/(?!/)[^\"]*)\"")]
    private static partial Regex RootRelativeAttribute();

    [GeneratedRegex("srcset=\"([^\"]*)\"")]
    private static partial Regex SrcSet();

    private sealed record JsonFeed(string Version, string Title, string HomePageUrl, string FeedUrl, string? Description, string Language, IReadOnlyList<JsonFeedItem> Items);

    private sealed record JsonFeedItem(string Id, string Url, string Title, string? ContentHtml, string? ContentText, string? Summary, string? Image,
        string DatePublished, string DateModified, IReadOnlyList<JsonFeedAuthor>? Authors, IReadOnlyList<string>? Tags, string Language);

    private sealed record JsonFeedAuthor(string Name, string Url);
}
