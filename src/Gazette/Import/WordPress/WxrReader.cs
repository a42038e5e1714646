using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace Gazette.Import.WordPress;

/// <summary>
/// Reads a WordPress export (WXR 1.0–1.2) as a stream of <see cref="WxrSite"/>, <see cref="WxrAuthor"/>,
/// <see cref="WxrTerm"/> and <see cref="WxrItem"/> in document order. One item is in memory at a time, so a
/// 200 MB export costs what its largest post costs. DTDs are refused outright: an export never has one, and
/// refusing them closes the door on external entities and entity-expansion bombs.
/// </summary>
public static class WxrReader
{
    private static readonly string[] KnownVersions = ["1.0", "1.1", "1.2"];
    private const string WordPressNamespacePrefix = "http://wordpress.org/export/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static async IAsyncEnumerable<object> ReadAsync(
        Stream stream, TimeZoneInfo siteTimeZone, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        var channel = new ChannelFields();
        var siteSent = false;
        var sawRss = false;
        // Reading an element's content leaves the reader on the node after it: the loop must not advance again.
        var advance = true;
        while (!advance || await ReadAsync(reader))
        {
            advance = true;
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.EOF)
                break;
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            if (!sawRss)
            {
                if (reader.LocalName != "rss")
                    throw Error(reader, $"this is not a WordPress export: the document starts with <{reader.Name}>, not <rss>");
                sawRss = true;
                continue;
            }
            if (reader.LocalName == "channel" && reader.Depth == 1)
                continue;
            if (reader.Depth != 2)
                continue;

            var isWordPress = reader.NamespaceURI.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal);
            if (isWordPress)
                channel.NamespaceVersion ??= reader.NamespaceURI[WordPressNamespacePrefix.Length..].TrimEnd('/');
            var name = reader.LocalName;
            advance = false;
            if (isWordPress && name is "author" or "category" or "tag" or "term" || name == "item" && reader.NamespaceURI == "")
            {
                if (!siteSent)
                {
                    yield return channel.ToSite(reader);
                    siteSent = true;
                }
                var line = LineOf(reader);
                var element = await LoadElementAsync(reader, cancellationToken);
                yield return name switch
                {
                    "author" => ReadAuthor(element),
                    "category" => new WxrTerm("category", Text(element, "category_nicename"), Text(element, "cat_name"), NullIfEmpty(Text(element, "category_parent")), NullIfEmpty(Text(element, "term_id"))),
                    "tag" => new WxrTerm("post_tag", Text(element, "tag_slug"), Text(element, "tag_name"), null, NullIfEmpty(Text(element, "term_id"))),
                    "term" => new WxrTerm(Text(element, "term_taxonomy"), Text(element, "term_slug"), Text(element, "term_name"), NullIfEmpty(Text(element, "term_parent")), NullIfEmpty(Text(element, "term_id"))),
                    _ => ReadItem(element, line.Line, siteTimeZone),
                };
                continue;
            }
            if (isWordPress && name is "wxr_version" or "base_site_url" or "base_blog_url"
                || reader.NamespaceURI == "" && name is "title" or "link" or "language")
            {
                var text = (await ReadTextAsync(reader)).Trim();
                switch (name)
                {
                    case "wxr_version": channel.Version = text; break;
                    case "base_site_url": channel.BaseSiteUrl = text; break;
                    case "base_blog_url": channel.BlogUrl = text; break;
                    case "title": channel.Title = text; break;
                    case "link": channel.Link = text; break;
                    case "language": channel.Language = text; break;
                }
                continue;
            }
            await SkipAsync(reader);
        }
        if (!sawRss)
            throw new WxrFormatException("the file is empty or is not XML");
        if (!siteSent)
            yield return channel.ToSite(reader);
    }

    private static async Task<bool> ReadAsync(XmlReader reader)
    {
        try
        {
            return await reader.ReadAsync();
        }
        catch (XmlException e)
        {
            throw Describe(e, reader);
        }
    }

    private static async Task<string> ReadTextAsync(XmlReader reader)
    {
        try
        {
            return await reader.ReadElementContentAsStringAsync();
        }
        catch (XmlException e)
        {
            throw Describe(e, reader);
        }
    }

    private static async Task SkipAsync(XmlReader reader)
    {
        try
        {
            await reader.SkipAsync();
        }
        catch (XmlException e)
        {
            throw Describe(e, reader);
        }
    }

    private static async Task<XElement> LoadElementAsync(XmlReader reader, CancellationToken cancellationToken)
    {
        try
        {
            // The subtree keeps line numbers for the messages; the outer reader is left on the element's end tag.
            using var subtree = reader.ReadSubtree();
            return await XElement.LoadAsync(subtree, LoadOptions.SetLineInfo, cancellationToken);
        }
        catch (XmlException e)
        {
            throw Describe(e, reader);
        }
    }

    private static WxrFormatException Describe(XmlException e, XmlReader reader)
    {
        var (line, position) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : LineOf(reader);
        var reason = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? "the file declares a DTD or entities, which a WordPress export never does; refused for safety"
            : $"the XML is malformed or truncated ({e.Message.Split(" Line ")[0].TrimEnd('.', ' ')})";
        return new WxrFormatException(reason, Math.Max(line, 1), position);
    }

    private static WxrAuthor ReadAuthor(XElement element) => new(
        Text(element, "author_login"),
        NullIfEmpty(Text(element, "author_email")),
        FirstNonEmpty(Text(element, "author_display_name"), Text(element, "author_login")));

    private static WxrItem ReadItem(XElement item, int line, TimeZoneInfo siteTimeZone)
    {
        var terms = item.Elements("category")
            .Select(c => new WxrItemTerm((string?)c.Attribute("domain") ?? "category", (string?)c.Attribute("nicename") ?? "", c.Value.Trim()))
            .ToList();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var postMeta in WpElements(item, "postmeta"))
            meta.TryAdd(Text(postMeta, "meta_key"), Text(postMeta, "meta_value"));
        var comments = WpElements(item, "comment").Select(c => ReadComment(c, siteTimeZone)).ToList();
        var postType = Text(item, "post_type");
        return new WxrItem(
            PostId: Number(item, "post_id", line),
            PostType: postType == "" ? "post" : postType,
            Title: ((string?)item.Element("title") ?? "").Trim(),
            Link: NullIfEmpty(((string?)item.Element("link") ?? "").Trim()),
            Creator: ((string?)item.Element(Dc + "creator") ?? "").Trim(),
            Content: (string?)item.Element(Content + "encoded") ?? "",
            Excerpt: item.Elements().FirstOrDefault(e => e.Name.LocalName == "encoded" && e.Name.Namespace != Content)?.Value ?? "",
            PostName: Text(item, "post_name"),
            Status: Text(item, "status"),
            DateUtc: Date(item, "post_date_gmt", "post_date", siteTimeZone),
            ModifiedUtc: Date(item, "post_modified_gmt", "post_modified", siteTimeZone),
            ParentId: NumberOrZero(item, "post_parent", line),
            CommentStatus: Text(item, "comment_status"),
            AttachmentUrl: NullIfEmpty(Text(item, "attachment_url")),
            Terms: terms,
            Meta: meta,
            Comments: comments,
            Line: line);
    }

    private static WxrComment ReadComment(XElement comment, TimeZoneInfo siteTimeZone)
    {
        var line = ((IXmlLineInfo)comment).LineNumber;
        return new WxrComment(
            Id: Number(comment, "comment_id", line),
            ParentId: NumberOrZero(comment, "comment_parent", line),
            AuthorName: Text(comment, "comment_author"),
            AuthorEmail: NullIfEmpty(Text(comment, "comment_author_email")),
            AuthorUrl: NullIfEmpty(Text(comment, "comment_author_url")),
            AuthorIp: NullIfEmpty(Text(comment, "comment_author_IP")),
            DateUtc: Date(comment, "comment_date_gmt", "comment_date", siteTimeZone)
                ?? throw new WxrFormatException($"comment {Text(comment, "comment_id")} has no date", line),
            Content: Text(comment, "comment_content"),
            Approved: Text(comment, "comment_approved"),
            Type: Text(comment, "comment_type"),
            Line: line);
    }

    /// <summary>
    /// The GMT date when WordPress knows it; drafts carry <c>0000-00-00 00:00:00</c> there, and then the local date
    /// is read in the site's time zone. Neither set is "no date"; something else is an error worth a line number.
    /// </summary>
    private static DateTime? Date(XElement element, string gmtName, string localName, TimeZoneInfo siteTimeZone)
    {
        var gmt = ParseDate(element, gmtName);
        if (gmt is not null)
            return DateTime.SpecifyKind(gmt.Value, DateTimeKind.Utc);
        var local = ParseDate(element, localName);
        if (local is null)
            return null;
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified), siteTimeZone);
    }

    private static DateTime? ParseDate(XElement element, string name)
    {
        var child = WpElements(element, name).FirstOrDefault();
        var text = child?.Value.Trim() ?? "";
        if (text is "" || text.StartsWith("0000-00-00", StringComparison.Ordinal))
            return null;
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        var info = (IXmlLineInfo)child!;
        throw new WxrFormatException($"<wp:{name}> is not a date: \"{Truncate(text)}\"", info.LineNumber, info.LinePosition);
    }

    private static long Number(XElement element, string name, int line)
    {
        var child = WpElements(element, name).FirstOrDefault();
        if (child is not null && long.TryParse(child.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        var info = (IXmlLineInfo?)child;
        throw new WxrFormatException(
            child is null ? $"<wp:{name}> is missing" : $"<wp:{name}> is not a number: \"{Truncate(child.Value)}\"",
            info?.LineNumber ?? line, info?.LinePosition ?? 0);
    }

    private static long NumberOrZero(XElement element, string name, int line) =>
        WpElements(element, name).Any(e => e.Value.Trim() != "") ? Number(element, name, line) : 0;

    private static IEnumerable<XElement> WpElements(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && e.Name.NamespaceName.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal));

    private static string Text(XElement parent, string localName) => WpElements(parent, localName).FirstOrDefault()?.Value ?? "";

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? "";

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static (int Line, int Position) LineOf(XmlReader reader) =>
        reader is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : (0, 0);

    private static WxrFormatException Error(XmlReader reader, string message)
    {
        var (line, position) = LineOf(reader);
        return new WxrFormatException(message, line, position);
    }

    private sealed class ChannelFields
    {
        public string? Version;
        public string? NamespaceVersion;
        public string? BaseSiteUrl;
        public string? BlogUrl;
        public string? Link;
        public string? Title;
        public string? Language;

        public WxrSite ToSite(XmlReader reader)
        {
            var version = Version ?? NamespaceVersion;
            if (version is null)
                throw Error(reader, "no WXR version: <wp:wxr_version> is missing and no WordPress namespace is declared");
            if (!KnownVersions.Contains(version))
                throw Error(reader, $"WXR version {version} is not one Gazette reads (it reads 1.0, 1.1 and 1.2)");
            var site = (BaseSiteUrl ?? BlogUrl ?? Link)?.TrimEnd('/');
            if (string.IsNullOrEmpty(site))
                throw Error(reader, "the export does not say which site it comes from (<wp:base_site_url> and <link> are missing)");
            return new WxrSite(version, site, (BlogUrl ?? Link ?? site).TrimEnd('/'), Title ?? "", Language);
        }
    }
}
