using System.Text.RegularExpressions;

using Gazette.Editions;
using Gazette.Feeds;
using Gazette.Names;
using Gazette.Sections;
using Gazette.Site;
using Gazette.Tests.Localization;

using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Gazette.Tests.Site;

/// <summary>
/// Every public path is shaped in <see cref="Addresses"/> alone: a path spelled in a view or endpoint would keep its
/// old shape the day the address book changes one, and the links, feeds and sitemaps would point to nothing.
/// </summary>
public sealed partial class AddressBookTests
{
    private const string AddressBook = "src/Gazette/Site/Addresses.cs";

    /// <summary>The pages whose @page keeps its own template: none is a page readers are sent to.</summary>
    private static readonly string[] PagesWithOwnTemplate =
    [
        "src/Gazette/Api/Reference.cshtml", // under /api, the machine interface
    ];

    [Fact]
    public void No_public_path_is_spelled_outside_the_address_book()
    {
        var found = HandBuiltPaths(SourceFiles().Where(file => file.Relative != AddressBook));

        // Each one named with its file and line; the fix is a builder (or template) of Site/Addresses.cs.
        Assert.True(found.Count == 0, "Public paths spelled outside the address book:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_a_path_spelled_by_hand()
    {
        // What the scan must catch, the way each was written before the address book existed.
        string[] lines =
        [
            """<a href="/tag/@tag.Slug">""",
            """var path = "/author/" + slug;""",
            """feedPath: path + "/feed",""",
            """var path = $"{prefix}/section/{slug}";""",
            """action="/search" method="get">""",
            """app.MapGet("/sitemaps/news.xml", NewsAsync);""",
            """return $"/{language}/{local:yyyy}/{local:MM}/{local:dd}/{slug}";""",
            """@page "/archive/{year:int}" """,
            """var stop = $"{baseUrl}/comments/unsubscribe?token={token}";""",
        ];

        Assert.All(lines, line => Assert.Matches(HandBuiltPath(), line));
        // Neither the API's own resources nor the page names the conventions use are public paths.
        Assert.DoesNotMatch(HandBuiltPath(), """api.MapGet("/sections", ListSectionsAsync)""");
        Assert.DoesNotMatch(HandBuiltPath(), """("/Tags/TagPage", Addresses.Templates.Tag, true),""");
    }

    [Fact]
    public void Public_pages_take_their_template_from_the_address_book()
    {
        var withTemplate = SourceFiles()
            .Where(file => file.Relative.EndsWith(".cshtml", StringComparison.Ordinal) && !file.Relative.StartsWith("src/Gazette/Admin/", StringComparison.Ordinal))
            .Where(file => File.ReadLines(file.Full).FirstOrDefault(line => line.StartsWith("@page", StringComparison.Ordinal)) is { } page && page.Trim() != "@page"
                // A newsroom page kept in its feature's folder (Names/) answers under /admin, which is not a public path.
                && !page.StartsWith("@page \"/admin/", StringComparison.Ordinal))
            .Select(file => file.Relative)
            .Order();

        Assert.Equal(PagesWithOwnTemplate.Order(), withTemplate);
    }

    public static TheoryData<string, string> Shapes()
    {
        var world = new Section { Id = 1, Slug = "world", Name = "World" };
        var site = new SiteContext.Snapshot(new SiteSettings { DefaultLanguage = "en", EditionLanguages = "nl" }, TimeZoneInfo.Utc, [world])
        {
            SectionNames = [new SectionTranslation { SectionId = 1, Language = "nl", Slug = "wereld", Name = "Wereld" }],
        };
        var root = Addresses.Root;
        var dutch = Edition.Find(site, "nl")!.Addresses;
        var published = new DateTime(2024, 3, 9, 12, 0, 0, DateTimeKind.Utc);
        return new()
        {
            { Addresses.Templates.Home, root.Home },
            { Addresses.Templates.Story, Addresses.Story("pt-BR", "a-story", published, TimeZoneInfo.Utc) },
            { Addresses.Templates.Section, root.Section(world) },
            { Addresses.Templates.Tag, root.Tag("climate") },
            { Addresses.Templates.Author, root.Author("ada") },
            { Addresses.Templates.Archive, root.Archive(2024) },
            { Addresses.Templates.Archive, root.Archive(2024, 3, 9) },
            { Addresses.Templates.Search, root.Search },
            { Addresses.Templates.SiteFeed, Addresses.Feed(root.SiteFeed, FeedFormat.Rss) },
            { Addresses.Templates.SectionFeed, Addresses.Feed(Addresses.FeedUnder(root.Section("world")), FeedFormat.Atom) },
            { Addresses.Templates.TagFeed, Addresses.Feed(Addresses.FeedUnder(root.Tag("climate")), FeedFormat.Json) },
            { Addresses.Templates.AuthorFeed, Addresses.Feed(Addresses.FeedUnder(root.Author("ada")), FeedFormat.Rss) },
            { Addresses.Templates.LanguageFeed, Addresses.Feed(Addresses.LanguageFeed("pt-br"), FeedFormat.Rss) },
            { Addresses.Templates.LanguageFeed, Addresses.Feed(dutch.SiteFeed, FeedFormat.Atom) },
            { Addresses.Templates.SitemapStories, Addresses.SitemapStories(2) },
            { Addresses.Templates.OEmbed, Addresses.OEmbed("https://example.org/en/2024/03/09/a-story").Split('?')[0] },
            { Addresses.Templates.EditionChoice, Addresses.EditionChoice("nl") },
            { Addresses.Templates.PostComment, Addresses.PostComment("en").Split('?')[0] },
            { Addresses.Templates.MyComments, Addresses.MyComments("en", "token").Split('?')[0] },
            { Addresses.Templates.Unsubscribe, Addresses.Unsubscribe("token").Split('?')[0] },
            { Addresses.Templates.InEdition(Addresses.Templates.Home), dutch.Home.TrimEnd('/') },
            { Addresses.Templates.InEdition(Addresses.Templates.Section), dutch.Section(world) },
            { Addresses.Templates.InEdition(Addresses.Templates.Tag), dutch.Tag("klimaat") },
            { Addresses.Templates.InEdition(Addresses.Templates.Archive), dutch.Archive(2024, 3) },
            { Addresses.Templates.InEdition(Addresses.Templates.Search), dutch.Search },
            { Addresses.Templates.InEdition(Addresses.Templates.SectionFeed), Addresses.Feed(Addresses.FeedUnder(dutch.Section("world")), FeedFormat.Rss) },
        };
    }

    /// <summary>What the builders write is what the templates answer: the two halves of each entry cannot drift apart.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_built_address_matches_its_template(string template, string path)
    {
        var matcher = new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary());

        Assert.True(matcher.TryMatch(path, new RouteValueDictionary()), $"{path} does not match {template}");
    }

    [Fact]
    public void A_non_default_edition_uses_its_own_section_slugs()
    {
        var site = new SiteContext.Snapshot(new SiteSettings { DefaultLanguage = "en", EditionLanguages = "nl" }, TimeZoneInfo.Utc,
            [new Section { Id = 1, Slug = "world", Name = "World" }])
        {
            SectionNames = [new SectionTranslation { SectionId = 1, Language = "nl", Slug = "wereld", Name = "Wereld" }],
        };

        Assert.Equal("/nl/section/wereld", Edition.Find(site, "nl")!.Addresses.Section("world"));
        Assert.Equal("/section/world", Edition.Find(site, "en")!.Addresses.Section("world"));
        Assert.Same(Addresses.Root, Edition.Default(site).Addresses);
    }

    private static List<string> HandBuiltPaths(IEnumerable<(string Relative, string Full)> files) =>
        files.SelectMany(file => File.ReadLines(file.Full).Select((line, index) => (file.Relative, Line: index + 1, Text: line)))
            .Where(line => !IsComment(line.Text) && HandBuiltPath().IsMatch(line.Text))
            .Select(line => $"{line.Relative}:{line.Line}: {line.Text.Trim()}")
            .ToList();

    private static IEnumerable<(string Relative, string Full)> SourceFiles()
    {
        var src = Path.Combine(SourceTree.Root, "src");
        return Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            // The scripts too: a script that fetches an address takes it from the page, which has it from the book.
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal)
                || path.EndsWith(".js", StringComparison.Ordinal))
            .Select(path => (Relative: Path.GetRelativePath(SourceTree.Root, path).Replace('\\', '/'), Full: path))
            .Where(file => !file.Relative.Contains("/bin/", StringComparison.Ordinal) && !file.Relative.Contains("/obj/", StringComparison.Ordinal));
    }

    // Comments may say where things are (the doc comments do, often); only code builds addresses.
    private static bool IsComment(string line) =>
        line.TrimStart() is var text && (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith('*') || text.StartsWith("@*", StringComparison.Ordinal));

    /// <summary>
    /// A public path's first segment where a string or attribute starts or follows an interpolated part (<c>"/tag/</c>,
    /// <c>}/feed</c>), or a story's date-shaped path. /admin and /api are the newsroom's and machines', not public pages;
    /// /newsletters and /live are here already so that the features that add them put them in the address book.
    /// </summary>
    [GeneratedRegex(@"[""'})]/(tag|author|section|search|archive|feed|sitemaps|sitemap\.xml|robots\.txt|oembed|comments|edition|newsletters|live)(?![\w-])|\{[^{}]*:yyyy\}")]
    private static partial Regex HandBuiltPath();
}
