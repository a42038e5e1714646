using System.Globalization;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Demo;

/// <summary>What the demo shows off on a first start: linked translations, library images, the newsroom in the site's time.</summary>
public abstract class DemoShowcaseTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_stories_written_in_french_and_english_link_each_other_with_hreflang()
    {
        var pairs = DemoContent.Stories().Where(s => s.TranslationOf is not null).ToList();
        Assert.True(pairs.Count >= 2, $"{pairs.Count} demo translations");
        foreach (var translation in pairs)
        {
            var original = DemoContent.Stories().Single(s => s.FileName == translation.TranslationOf);
            var (translationPath, originalPath) = (await PathOfAsync(translation), await PathOfAsync(original));
            foreach (var path in new[] { translationPath, originalPath })
            {
                var page = await Reader.GetDocumentAsync(path);
                var links = page.QuerySelectorAll("link[rel=alternate][hreflang]")
                    .ToDictionary(l => l.GetAttribute("hreflang")!, l => new Uri(l.GetAttribute("href")!).AbsolutePath);
                Assert.Equal(translationPath, links[translation.Language]);
                Assert.Equal(originalPath, links[original.Language]);
            }
        }
    }

    [Fact]
    public async Task Demo_figures_are_library_pictures_with_webp_variants_and_their_size()
    {
        var story = DemoContent.Stories().First(s => s.Figure is not null && s.InlineImages.Any());
        var page = await Reader.GetDocumentAsync(await PathOfAsync(story));

        var pictures = page.QuerySelectorAll("figure picture").ToList();
        Assert.True(pictures.Count >= 2, $"{pictures.Count} pictures: the lead figure and the body's");
        Assert.Contains(pictures, p => p.Closest(".story-body") is not null);
        Assert.All(pictures, picture =>
        {
            var webp = picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset")!;
            Assert.All(webp.Split(", "), candidate => Assert.Matches(@"^/media/lib/[0-9a-f]+/\d+\.webp \d+w$", candidate));
            var img = picture.QuerySelector("img")!;
            Assert.True(int.Parse(img.GetAttribute("width")!, CultureInfo.InvariantCulture) > 0);
            Assert.True(int.Parse(img.GetAttribute("height")!, CultureInfo.InvariantCulture) > 0);
            Assert.StartsWith("/media/lib/", img.GetAttribute("src"), StringComparison.Ordinal);
        });
        Assert.DoesNotContain("/media/demo/", page.QuerySelector("article.story")!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_and_the_story_list_show_times_in_the_site_time_zone()
    {
        var zone = await Site.WithScopeAsync(async services => (await services.GetRequiredService<Gazette.Site.SiteContext>().GetAsync(Cancel)).TimeZone);
        var (browser, _) = await Site.SignedInAsAsync(Roles.Editor);
        foreach (var path in new[] { "/admin", "/admin/stories" })
        {
            var page = await browser.GetDocumentAsync(path);
            var times = page.QuerySelectorAll("main time[datetime]").ToList();
            Assert.True(times.Count >= 3, $"{path}: {times.Count} times");
            Assert.All(times, time =>
            {
                var utc = DateTime.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                var local = ArticleDates.InZone(utc, zone);
                Assert.Contains(local.ToString("yyyy", CultureInfo.InvariantCulture), time.TextContent);
                Assert.Contains(local.ToString("HH:mm", CultureInfo.InvariantCulture), time.TextContent);
                Assert.DoesNotContain("UTC", time.TextContent);
            });
        }
        Assert.NotEqual(TimeSpan.Zero, zone.BaseUtcOffset); // the demo site's Europe/Paris, so the check above can fail
    }

    private Task<string> PathOfAsync(DemoArticle story) =>
        Site.WithScopeAsync(async services =>
        {
            var article = await services.GetRequiredService<GazetteDb>().Articles.AsNoTracking()
                .SingleAsync(a => a.Language == story.Language && a.Slug == story.Slug, Cancel);
            return Gazette.Site.Addresses.Story(article, (await services.GetRequiredService<Gazette.Site.SiteContext>().GetAsync(Cancel)).TimeZone);
        });
}

public sealed class DemoShowcaseTestsOnSqlite(SqliteSite site) : DemoShowcaseTests(site);

public sealed class DemoShowcaseTestsOnPostgres(PostgresSite site) : DemoShowcaseTests(site);
