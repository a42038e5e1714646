using Gazette.Tests.Infrastructure;
using Gazette.Tests.Search;

namespace Gazette.Tests.Editions;

/// <summary>An edition whose language carries a region: English at the root, Brazilian Portuguese under /pt-br/.</summary>
public abstract class RegionalEditionTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_in_a_regional_edition_keeps_to_its_stories()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var brazilian = await Site.CreateAsync(TestArticles.UniqueHeadline($"O {word} chega ao porto"), a => a.Language = "pt-BR");
        var portuguese = await Site.CreateAsync(TestArticles.UniqueHeadline($"O {word} chega à doca"), a => a.Language = "pt-PT");
        var english = await Site.CreateAsync(TestArticles.UniqueHeadline($"The {word} arrives"), a => a.Language = "en");

        var edition = await SearchWait.UntilAsync(Reader, $"/pt-br/search?q={word}", page => page.Body!.TextContent.Contains(brazilian.Headline));
        Assert.Contains(brazilian.Headline, edition.Body!.TextContent);
        Assert.DoesNotContain(portuguese.Headline, edition.Body!.TextContent);
        Assert.DoesNotContain(english.Headline, edition.Body!.TextContent);
        Assert.Equal("pt-BR", edition.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(edition.QuerySelector("select[name=lang] option[value='pt-br'][selected]"));

        // The language alone finds every Portuguese story; the root edition keeps to English.
        var anyPortuguese = await SearchWait.UntilAsync(Reader, $"/search?q={word}&lang=pt",
            page => page.Body!.TextContent.Contains(brazilian.Headline) && page.Body!.TextContent.Contains(portuguese.Headline));
        Assert.Contains(portuguese.Headline, anyPortuguese.Body!.TextContent);
        Assert.DoesNotContain(english.Headline, anyPortuguese.Body!.TextContent);
        var root = await SearchWait.UntilAsync(Reader, $"/search?q={word}", page => page.Body!.TextContent.Contains(english.Headline));
        Assert.DoesNotContain(brazilian.Headline, root.Body!.TextContent);

        var api = await SearchWait.ApiUntilAsync(Reader, $"?q={word}&lang=pt-BR", answer => answer.GetProperty("total").GetInt32() > 0);
        var hits = api.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("language").GetString()).ToList();
        Assert.Equal(["pt-BR"], hits);
    }

    [Fact]
    public async Task A_regional_editions_feeds_link_to_its_home()
    {
        var brazilian = await Site.CreateAsync(TestArticles.UniqueHeadline("A feira abre"), a => a.Language = "pt-BR");

        var rss = System.Xml.Linq.XDocument.Parse(await Reader.GetStringAsync("/pt-br/feed/rss", Cancel));
        Assert.Contains(brazilian.Headline, rss.ToString());
        Assert.Equal("http://localhost/pt-br/", rss.Root!.Element("channel")!.Element("link")!.Value);

        var atom = System.Xml.Linq.XDocument.Parse(await Reader.GetStringAsync("/pt-br/feed/atom", Cancel));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        var alternate = atom.Root!.Elements(ns + "link").Single(l => (string?)l.Attribute("rel") is null or "alternate");
        Assert.Equal("http://localhost/pt-br/", (string?)alternate.Attribute("href"));

        var json = System.Text.Json.JsonDocument.Parse(await Reader.GetStringAsync("/pt-br/feed/json", Cancel));
        Assert.Equal("http://localhost/pt-br/", json.RootElement.GetProperty("home_page_url").GetString());
        Assert.Equal("http://localhost/pt-br/feed/json", json.RootElement.GetProperty("feed_url").GetString());

        // The root edition's feed keeps the root as its page.
        var rootJson = System.Text.Json.JsonDocument.Parse(await Reader.GetStringAsync("/feed/json", Cancel));
        Assert.Equal("http://localhost/", rootJson.RootElement.GetProperty("home_page_url").GetString());
    }
}

public static class RegionalEditionSites
{
    public static Task EnableAsync(GazetteSite site) => EditionSites.EnableEditionsAsync(site, "en", "pt-BR");
}

public sealed class RegionalEditionsOnSqliteSite : SqliteSite
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await RegionalEditionSites.EnableAsync(this);
    }
}

public sealed class RegionalEditionsOnPostgresSite : PostgresSite
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await RegionalEditionSites.EnableAsync(this);
    }
}

public sealed class RegionalEditionTestsOnSqlite(RegionalEditionsOnSqliteSite site) : RegionalEditionTests(site), IClassFixture<RegionalEditionsOnSqliteSite>;

public sealed class RegionalEditionTestsOnPostgres(RegionalEditionsOnPostgresSite site) : RegionalEditionTests(site), IClassFixture<RegionalEditionsOnPostgresSite>;
