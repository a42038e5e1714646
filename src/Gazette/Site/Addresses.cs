using System.Text.RegularExpressions;

using Gazette.Articles;
using Gazette.Editions;
using Gazette.Feeds;
using Gazette.Sections;

namespace Gazette.Site;

/// <summary>
/// The address book: the one place that knows the shape of every public path. Each shape is written twice, side by
/// side, so that they cannot drift apart: as the route template the page or endpoint answers (<see cref="Templates"/>,
/// used by <see cref="PageRoutes"/> and the <c>MapGet</c> calls) and as the builder every link, feed, sitemap and API
/// answer calls. A test (AddressBookTests) fails when a public path is spelled anywhere else.
/// <para>
/// An instance is one edition's addresses: the default edition's (<see cref="Root"/>) at the root, each other one's
/// under its language (<c>/nl/section/…</c>), with the section slugs that edition gives. Story, sitemap, oEmbed and
/// comment addresses are the same in every edition and are static.
/// </para>
/// </summary>
public sealed partial class Addresses
{
    /// <summary>The route templates. Those without parameters are paths as well, and are used as such.</summary>
    public static class Templates
    {
        /// <summary>A non-default edition's language, lower-case as it appears in addresses.</summary>
        public const string EditionConstraint = "regex(^[a-z]{{2,3}}(-[a-z0-9]{{2,8}})*$)";

        /// <summary>A story's language as its address carries it (<c>pt-BR</c> keeps its case, unlike an edition's).</summary>
        public const string StoryLanguage = "{lang:regex(^[a-z]{{2,3}}(-[A-Za-z0-9]{{2,8}})*$)}";

        public const string Home = "/";
        public const string Story = "/" + StoryLanguage + "/{year:int:range(1900,9999)}/{month:int:range(1,12)}/{day:int:range(1,31)}/{slug:maxlength(100)}";
        public const string Section = "/section/{slug:maxlength(100)}";
        public const string Tag = "/tag/{slug:maxlength(100)}";
        public const string Author = "/author/{slug:maxlength(100)}";
        public const string Archive = "/archive/{year:int}/{month:int?}/{day:int?}";
        public const string Search = "/search";

        private const string FeedFormat = "/feed/{format:regex(^(rss|atom|json)$)}";
        public const string SiteFeed = FeedFormat;
        public const string SectionFeed = Section + FeedFormat;
        public const string TagFeed = Tag + FeedFormat;
        public const string AuthorFeed = Author + FeedFormat;
        public const string LanguageFeed = "/" + StoryLanguage + FeedFormat;

        public const string Robots = "/robots.txt";
        public const string SitemapIndex = "/sitemap.xml";
        public const string SitemapPages = "/sitemaps/pages.xml";
        public const string SitemapStories = "/sitemaps/stories-{page:int:min(1)}.xml";
        public const string SitemapNews = "/sitemaps/news.xml";

        public const string OEmbed = "/oembed";
        public const string EditionChoice = "/edition/{lang:" + EditionConstraint + "}";

        public const string PostComment = "/comments/post";
        public const string MyComments = "/comments/mine";
        public const string Unsubscribe = "/comments/unsubscribe";
        public const string CommentToken = "/comments/token";

        /// <summary>The error page, where the exception handler and status codes re-execute (<see cref="ErrorPage"/>).</summary>
        public const string Error = "/error/{code:int}";

        /// <summary>Where browsers send Content-Security-Policy violation reports (Security/CspReports.cs).</summary>
        public const string CspReport = "/csp-report";

        // Pages that later features add (the front page's variants, live pages, /newsletters, static pages) put their
        // template here and their builder below, under "Pages added later", and register a page in PageRoutes.

        /// <summary>
        /// The same page in a non-default edition: <c>{edition}/section/…</c>. Literal routes (<c>/api</c>, <c>/admin</c>…)
        /// still win over these, and a language that is no edition of the site answers 404.
        /// </summary>
        public static string InEdition(string template) =>
            $"{{{GazettePageModel.EditionRouteValue}:{EditionConstraint}}}" + (template == Home ? "" : template);
    }

    /// <summary>The default edition's addresses: at the root, under the sections' own slugs.</summary>
    public static readonly Addresses Root = new(null);

    // Null for the default edition, whose addresses need neither a prefix nor the edition's names.
    private readonly Edition? edition;

    internal Addresses(Edition? edition) => this.edition = edition;

    /// <summary>The path prefix of the edition's pages: empty for the default, <c>/nl</c> for Dutch.</summary>
    public string Prefix => edition is null ? "" : "/" + edition.Language.ToLowerInvariant();

    public string Home => Prefix + "/";

    public string Section(Section section) => Prefix + "/section/" + (edition?.SectionSlug(section) ?? section.Slug);

    /// <summary>The same for a section known by its own slug only (story lists carry no section id).</summary>
    public string Section(string slug) => Prefix + "/section/" + (edition?.SectionSlug(slug) ?? slug);

    /// <summary>A tag's page; <paramref name="slug"/> is the tag's slug in this edition's language.</summary>
    public string Tag(string slug) => Prefix + "/tag/" + slug;

    /// <summary>The author's page in this edition, which lists the author's stories in its language.</summary>
    public string Author(string slug) => Prefix + "/author/" + slug;

    public string Archive(int year, int? month = null, int? day = null) =>
        Prefix + "/archive/" + year + (month is null ? "" : $"/{month:00}") + (day is null ? "" : $"/{day:00}");

    public string Search => Prefix + "/search";

    /// <summary>The edition's own feed (for a non-default edition, its language feed).</summary>
    public string SiteFeed => Prefix + "/feed";

    // Pages added later: their builders go here, next to the others.

    /// <summary>The address book of the edition a page chose, the root one when it chose none (the newsroom's preview).</summary>
    public static Addresses In(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) => Edition.In(viewData)?.Addresses ?? Root;

    /// <summary>
    /// Where a story lives: <c>/{language}/{yyyy}/{MM}/{dd}/{slug}</c>, the date being the publication day in the
    /// site's time zone. The language keeps slugs unique (they are unique per language) and readable.
    /// </summary>
    public static string Story(Article article, TimeZoneInfo siteTimeZone) =>
        Story(article.Language, article.Slug, article.PublishedAt ?? article.CreatedAt, siteTimeZone);

    public static string Story(string language, string slug, DateTime instantUtc, TimeZoneInfo siteTimeZone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(instantUtc, DateTimeKind.Utc), siteTimeZone);
        return $"/{language.ToLowerInvariant()}/{local:yyyy}/{local:MM}/{local:dd}/{slug}";
    }

    /// <summary>The language and slug of a story address (a trailing slash allowed), or false when it is none.</summary>
    public static bool TryReadStory(string path, out string language, out string slug)
    {
        var match = StoryPath().Match(path);
        language = match.Success ? match.Groups["lang"].Value : "";
        slug = match.Success ? match.Groups["slug"].Value : "";
        return match.Success;
    }

    [GeneratedRegex(@"^/(?<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/\d{4}/\d{2}/\d{2}/(?<slug>[a-z0-9-]{1,100})/?$")]
    private static partial Regex StoryPath();

    /// <summary>One comment under its story.</summary>
    public static string Comment(string storyPath, int commentId) => $"{storyPath}#comment-{commentId}";

    /// <summary>
    /// Where a byline leads: the author's page in the story's own edition, where that story is listed (with several
    /// editions the root author page lists the default language's stories only).
    /// </summary>
    public static string Byline(SiteContext.Snapshot site, string storyLanguage, string authorSlug) =>
        Edition.Of(site, storyLanguage).Addresses.Author(authorSlug);

    /// <summary>The feeds of a section, tag or author page live under it: <c>/tag/x/feed/rss</c>.</summary>
    public static string FeedUnder(string listPath) => listPath + "/feed";

    /// <summary>The feed of every story in a language, whatever the editions (<paramref name="language"/> lower-case).</summary>
    public static string LanguageFeed(string language) => $"/{language}/feed";

    public static string Feed(string feedPath, FeedFormat format) => $"{feedPath}/{format.ToString().ToLowerInvariant()}";

    public static string SitemapStories(int page) => $"/sitemaps/stories-{page}.xml";

    /// <summary>The oEmbed answer for a page, as its discovery link announces it.</summary>
    public static string OEmbed(string canonicalUrl) => Templates.OEmbed + "?format=json&url=" + Uri.EscapeDataString(canonicalUrl);

    /// <summary>Chooses an edition (remembered in a cookie) and goes to its home.</summary>
    public static string EditionChoice(string language) => "/edition/" + language.ToLowerInvariant();

    // The comment pages' languages are culture names (pt-BR) and written as they are, as the forms always did.
    public static string PostComment(string language) => Templates.PostComment + "?lang=" + language;

    public static string MyComments(string language) => Templates.MyComments + "?lang=" + language;

    /// <summary>The link mailed to a commenter, which opens their comments for a while.</summary>
    public static string MyComments(string language, string token) =>
        $"{Templates.MyComments}?lang={Uri.EscapeDataString(language)}&token={Uri.EscapeDataString(token)}";

    public static string MyCommentsDownload(string token) => $"{Templates.MyComments}?handler=Download&token={Uri.EscapeDataString(token)}";

    public static string Unsubscribe(string token) => $"{Templates.Unsubscribe}?token={Uri.EscapeDataString(token)}";

    /// <summary>The error page for a status code; with <c>{0}</c> for the code, the pattern status-code pages re-execute.</summary>
    public static string ErrorPage(object code) => "/error/" + code;

    public const string ErrorPagePattern = "/error/{0}";

    /// <summary>The site's address: the configured base URL, else the request's own scheme, host and base path.</summary>
    public static string BaseUrl(SiteSettings settings, HttpRequest request) =>
        string.IsNullOrWhiteSpace(settings.BaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : settings.BaseUrl.TrimEnd('/');

    /// <summary>The absolute form of a site path; an address that is absolute already is left as it is.</summary>
    public static string Absolute(SiteSettings settings, HttpRequest request, string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? path
            : BaseUrl(settings, request) + (path.StartsWith('/') ? path : "/" + path);
}
