using System.Net;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Import;
using Gazette.Import.WordPress;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Import;

/// <summary>Imports a WordPress 6 export written for these tests into a site of its own, on each database.</summary>
public abstract class WordPressImportTests : IAsyncLifetime
{
    protected static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "wordpress-6.xml");
    private readonly string uploads = Path.Combine(Path.GetTempPath(), "gazette-tests", "wp-uploads-" + Guid.NewGuid().ToString("N"));
    /// <summary>Disposed last first: sites before the database they use.</summary>
    protected List<IAsyncDisposable> Disposables { get; } = [];

    protected abstract Task<OneOffSite> StartSiteAsync();

    public ValueTask InitializeAsync()
    {
        // The export's one image, where `--uploads` expects it (wp-content/uploads/2024/03/…).
        Directory.CreateDirectory(Path.Combine(uploads, "2024", "03"));
        var demoImage = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Gazette", "Demo", "images", "harbour.jpg");
        File.Copy(demoImage, Path.Combine(uploads, "2024", "03", "port-valmer.jpg"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = Disposables.Count - 1; i >= 0; i--)
            await Disposables[i].DisposeAsync();
        Directory.Delete(uploads, recursive: true);
    }

    private async Task<OneOffSite> SiteAsync()
    {
        var site = await StartSiteAsync();
        Disposables.Add(site);
        return site;
    }

    private Task<ImportSummary> ImportAsync(OneOffSite site, string? file = null) =>
        site.WithScopeAsync(services => services.GetRequiredService<WordPressImporter>()
            .ImportAsync(file ?? Fixture, new WordPressImportOptions(uploads), TestContext.Current.CancellationToken));

    private static Task<Article> ArticleAsync(OneOffSite site, long wordPressId) => site.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<GazetteDb>();
        var id = await db.ImportRecords.Where(r => r.Kind == "post" && r.ExternalId == wordPressId.ToString()).Select(r => r.LocalId).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Articles.IgnoreQueryFilters().AsNoTracking().Include(a => a.Section).Include(a => a.Tags).Include(a => a.Authors).ThenInclude(a => a.Author)
            .SingleAsync(a => a.Id == int.Parse(id), TestContext.Current.CancellationToken);
    });

    [Fact]
    public async Task Posts_become_stories_with_their_status_byline_section_tags_and_figure()
    {
        var site = await SiteAsync();

        var summary = await ImportAsync(site);

        Assert.Equal(5, summary.For("posts").Imported);
        Assert.Equal(1, summary.For("pages").Imported);
        Assert.Equal(1, summary.For("images").Imported);
        var story = await ArticleAsync(site, 20);
        Assert.Equal("Le port de Valmer veut doubler son trafic d’ici 2030", story.Headline);
        Assert.Equal(ArticleStatus.Published, story.Status);
        Assert.Equal("fr", story.Language);
        Assert.Equal(new DateTime(2024, 3, 4, 8, 15, 0, DateTimeKind.Utc), story.PublishedAt);
        Assert.Equal("Économie", story.Section!.Name);
        Assert.Equal(["europe", "transport-maritime"], story.Tags.Select(t => t.Slug).Order());
        Assert.Equal("Marion Lefort", Assert.Single(story.Authors).Author.Name);
        Assert.Equal("Trois chalutiers amarrés le long du quai sous un ciel rose", story.FeaturedFigure!.AltText);
        Assert.Equal("Studio Nord", story.FeaturedFigure.Credit);
        Assert.StartsWith("/media/", story.FeaturedFigure.ImageUrl);
        // Gutenberg blocks become Markdown: heading, figure with caption and credit, list, quote, emphasis, link.
        Assert.Contains("# Trois nouveaux quais", story.BodyMarkdown);
        Assert.Contains("::: figure\n![Trois chalutiers amarrés le long du quai sous un ciel rose](/media/", story.BodyMarkdown);
        Assert.Contains("Les quais actuels, saturés dès six heures.\nCredit: Studio Nord\n:::", story.BodyMarkdown);
        Assert.Contains("- deux quais pour le *fret*", story.BodyMarkdown);
        Assert.Contains("> Nous manquons de place tous les matins.", story.BodyMarkdown);
        Assert.Contains("**inédit**", story.BodyMarkdown);
        Assert.Contains("[un budget revu](https://courrier-valmer.example/2023/11/02/budget-portuaire/)", story.BodyMarkdown);
        Assert.Contains("<https://video.example/watch/port>", story.BodyMarkdown);
        Assert.DoesNotContain("wp:", story.BodyMarkdown);
        Assert.Contains("<figcaption>", story.BodyHtml);
    }

    [Fact]
    public async Task Classic_posts_statuses_slugs_and_shortcodes_are_converted()
    {
        var site = await SiteAsync();

        var summary = await ImportAsync(site);

        var classic = await ArticleAsync(site, 21);
        Assert.Equal("un-ete-au-port", classic.Slug);
        Assert.Equal("Les premiers ferries de la saison ont accosté samedi. Les guichets ont ouvert dès l'aube.", classic.Standfirst);
        Assert.Contains("![Un ferry blanc entre dans le port](/media/", classic.BodyMarkdown);
        Assert.Contains("Le premier ferry, samedi matin.\nCredit: Marion Lefort", classic.BodyMarkdown);
        Assert.Contains("*quatre rotations*", classic.BodyMarkdown);
        Assert.Contains("\\[sondage id=\"12\"\\]", classic.BodyMarkdown);
        Assert.Contains(summary.Warnings, w => w.Contains("[sondage]"));
        Assert.Equal("Paul Pigiste", Assert.Single(classic.Authors).Author.Name);

        var scheduled = await ArticleAsync(site, 22);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.Equal(new DateTime(2027, 1, 7, 9, 0, 0, DateTimeKind.Utc), scheduled.PublishedAt);
        Assert.Equal(ArticleStatus.Unpublished, (await ArticleAsync(site, 23)).Status);
        var draft = await ArticleAsync(site, 24);
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        // A draft has no GMT date in the export: its local date is read in the site's time zone.
        var timeZone = await site.WithScopeAsync(async services => (await services.GetRequiredService<Gazette.Site.SiteContext>().GetAsync(TestContext.Current.CancellationToken)).TimeZone);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 18, 16, 20, 0), timeZone), draft.CreatedAt);
        Assert.Equal("Pages", (await ArticleAsync(site, 30)).Section!.Name);
        Assert.Equal(1, summary.For("other items").Skipped);
    }

    [Fact]
    public async Task Comments_come_with_their_threads_statuses_and_plain_text()
    {
        var site = await SiteAsync();

        var summary = await ImportAsync(site);

        Assert.Equal(3, summary.For("comments").Imported);
        var story = await ArticleAsync(site, 20);
        var comments = await site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Comments.AsNoTracking()
            .Where(c => c.ArticleId == story.Id).OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, comments.Count);
        var (first, reply, spam) = (comments[0], comments[1], comments[2]);
        Assert.Equal(Gazette.Comments.CommentStatus.Approved, first.Status);
        Assert.Equal("jeanne@lecteurs.example", first.Email);
        Assert.Equal("https://jeanne.example", first.Website);
        Assert.Null(first.IpHash);
        Assert.Equal(new DateTime(2024, 3, 4, 11, 0, 0, DateTimeKind.Utc), first.CreatedAt);
        Assert.Equal(first.Id, reply.ParentId);
        Assert.Equal(Gazette.Comments.CommentStatus.Spam, spam.Status);
        Assert.False((await ArticleAsync(site, 21)).CommentsOpen);

        var page = await site.CreateReader().GetStringAsync(await site.PathOfAsync(story), TestContext.Current.CancellationToken);
        Assert.Contains("Les files de camions sur la digue", System.Net.WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("replica watches", page);
    }

    [Fact]
    public async Task Authors_get_accounts_without_a_password_and_bylines()
    {
        var site = await SiteAsync();

        var summary = await ImportAsync(site);

        var (user, roles, hasPassword) = await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<GazetteUser>>();
            var found = await users.FindByEmailAsync("marion.lefort@courrier-valmer.example");
            return (found, found is null ? [] : await users.GetRolesAsync(found), found is not null && await users.HasPasswordAsync(found));
        });
        Assert.NotNull(user);
        Assert.Equal([Roles.Contributor], roles);
        Assert.False(hasPassword);
        Assert.NotNull(user.AuthorId);
        Assert.Contains(summary.Warnings, w => w.Contains("'pigiste' has no e-mail address"));
    }

    [Fact]
    public async Task Old_addresses_answer_301_to_the_new_story()
    {
        var site = await SiteAsync();
        await ImportAsync(site);
        var reader = site.CreateReader();
        var story = await ArticleAsync(site, 20);
        var path = await site.PathOfAsync(story);

        var permalink = await reader.GetAsync("/2024/03/04/le-port-de-valmer-veut-doubler-son-trafic/", TestContext.Current.CancellationToken);
        var byId = await reader.GetAsync("/?p=20", TestContext.Current.CancellationToken);
        var page = await reader.GetAsync("/?page_id=30", TestContext.Current.CancellationToken);
        var nonAscii = await reader.GetAsync("/2024/06/01/un-%C3%A9t%C3%A9-au-port/", TestContext.Current.CancellationToken);
        var unpublished = await reader.GetAsync("/2024/02/10/note-interne/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, permalink.StatusCode);
        Assert.Equal(path, permalink.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, byId.StatusCode);
        Assert.Equal(path, byId.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, nonAscii.StatusCode);
        Assert.EndsWith("/un-ete-au-port", nonAscii.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Importing_again_changes_nothing_and_a_newer_export_updates_what_changed()
    {
        var site = await SiteAsync();
        await ImportAsync(site);
        var before = await CountsAsync(site);

        var again = await ImportAsync(site);

        Assert.Equal(before, await CountsAsync(site));
        Assert.Equal(0, again.For("posts").Imported + again.For("posts").Updated);
        Assert.Equal(5, again.For("posts").Unchanged);
        Assert.Equal(1, again.For("images").Unchanged);

        var newer = Path.Combine(uploads, "newer.xml");
        var text = await File.ReadAllTextAsync(Fixture, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(newer, text.Replace("Le vote est prévu le 7 janvier.", "Le vote est reporté au 14 janvier."), TestContext.Current.CancellationToken);
        var updated = await ImportAsync(site, newer);

        Assert.Equal(1, updated.For("posts").Updated);
        Assert.Equal(4, updated.For("posts").Unchanged);
        Assert.Contains("reporté au 14 janvier", (await ArticleAsync(site, 22)).BodyMarkdown);
        var after = await CountsAsync(site);
        Assert.Equal(before.Stories, after.Stories);
        Assert.Equal(before.Revisions + 1, after.Revisions);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bad-date")]
    [InlineData("version")]
    [InlineData("dtd")]
    public async Task A_broken_file_is_refused_with_its_line_and_nothing_is_imported(string breakage)
    {
        var site = await SiteAsync();
        var text = await File.ReadAllTextAsync(Fixture, TestContext.Current.CancellationToken);
        var broken = breakage switch
        {
            "truncated" => text[..(text.Length * 2 / 3)],
            "bad-date" => text.Replace("<wp:post_date_gmt><![CDATA[2024-06-01 07:00:00]]>", "<wp:post_date_gmt><![CDATA[2024-06-41 07:00:00]]>"),
            "version" => text.Replace("<wp:wxr_version>1.2</wp:wxr_version>", "<wp:wxr_version>9.9</wp:wxr_version>"),
            _ => text.Replace("<rss version=\"2.0\"", "<!DOCTYPE rss [<!ENTITY lol \"lol\"><!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rss version=\"2.0\""),
        };
        var file = Path.Combine(uploads, breakage + ".xml");
        await File.WriteAllTextAsync(file, broken, TestContext.Current.CancellationToken);
        var before = await CountsAsync(site);

        var error = await Assert.ThrowsAsync<WxrFormatException>(() => ImportAsync(site, file));

        Assert.True(error.Line > 0, error.Message);
        Assert.Matches(breakage switch
        {
            "truncated" => "malformed or truncated",
            "bad-date" => "post_date_gmt> is not a date",
            "version" => "version 9.9",
            _ => "DTD",
        }, error.Message);
        Assert.Equal(before, await CountsAsync(site));
    }

    [Fact]
    public async Task The_command_line_prints_a_summary_or_the_error_with_its_line()
    {
        var site = await SiteAsync();
        var broken = Path.Combine(uploads, "broken.xml");
        await File.WriteAllTextAsync(broken, "<rss><channel><title>x</title>", TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Gazette:DataDirectory"] = site.DataDirectory, ["Gazette:DemoContent"] = "false", ["Database:Provider"] = site.Provider };
        if (site.Provider == "Postgres")
            return; // the verb's own parsing is the same on both; one run is enough

        Assert.Equal(1, await ImportWordPressVerb.RunAsync([broken], output, error, settings, TestContext.Current.CancellationToken));
        Assert.Matches("line 1, position \\d+: .*Nothing was imported", error.ToString());

        Assert.Equal(0, await ImportWordPressVerb.RunAsync([Fixture, "--uploads", uploads], output, error, settings, TestContext.Current.CancellationToken));
        Assert.Contains("posts: 5 imported, 0 updated, 0 unchanged, 0 skipped", output.ToString());
        Assert.Equal(1, await ImportWordPressVerb.RunAsync([Fixture, "--uploads", "/nonexistent-folder"], output, error, settings, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_administrator_imports_from_the_admin_page()
    {
        var site = await SiteAsync();
        var (browser, _) = await site.SignedInAsAsync(Roles.Administrator);

        var broken = await UploadAsync(browser, "<rss><channel>", "broken.xml");
        var imported = await UploadAsync(browser, await File.ReadAllTextAsync(Fixture, TestContext.Current.CancellationToken), "export.xml");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Matches("broken.xml: line 1, position \\d+: .*Nothing was imported", System.Net.WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var page = System.Net.WebUtility.HtmlDecode(await imported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("posts</strong>: 5 imported", page);
        Assert.Contains("not imported: give --uploads DIR or --download", page);
    }

    [Fact]
    public async Task Downloads_reach_private_addresses_only_when_allowed_and_stop_at_the_upload_limit()
    {
        var site = await SiteAsync();
        var image = await File.ReadAllBytesAsync(Path.Combine(uploads, "2024", "03", "port-valmer.jpg"), TestContext.Current.CancellationToken);
        await using var oldSite = LoopbackServer.Create();
        var served = 0;
        var oversized = image.Concat(new byte[2 * 1024 * 1024]).ToArray();
        oldSite.MapGet("/wp-content/uploads/2024/03/port-valmer.jpg", () =>
            Results.Bytes(Interlocked.Increment(ref served) == 1 ? oversized : image, "image/jpeg"));
        await oldSite.StartAsync(TestContext.Current.CancellationToken);
        var address = LoopbackServer.AddressOf(oldSite);
        var export = Path.Combine(uploads, "local-export.xml");
        await File.WriteAllTextAsync(export, (await File.ReadAllTextAsync(Fixture, TestContext.Current.CancellationToken))
            .Replace("https://courrier-valmer.example/wp-content/uploads", address + "/wp-content/uploads"), TestContext.Current.CancellationToken);

        Task<ImportSummary> DownloadAsync(bool allowPrivate) => site.WithScopeAsync(services => services.GetRequiredService<WordPressImporter>()
            .ImportAsync(export, new WordPressImportOptions(Download: true, AllowPrivateAddresses: allowPrivate), TestContext.Current.CancellationToken));

        var refused = await DownloadAsync(allowPrivate: false);
        Assert.Equal(0, served);
        Assert.Contains(refused.Lines(), line => line.Contains("port-valmer.jpg") && line.Contains("internal address"));
        Assert.Equal(0, (await CountsAsync(site)).Media);

        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            (await db.SiteSettings.SingleAsync(TestContext.Current.CancellationToken)).MaxUploadMegabytes = 0;
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        site.Services.GetRequiredService<Gazette.Site.SiteContext>().Invalidate();
        var tooBig = await DownloadAsync(allowPrivate: true);
        Assert.Equal(1, served);
        Assert.Contains(tooBig.Lines(), line => line.Contains("port-valmer.jpg") && line.Contains("larger than the upload limit of 1 MB"));
        Assert.Equal(0, (await CountsAsync(site)).Media);

        var allowed = await DownloadAsync(allowPrivate: true);
        Assert.Equal(2, served);
        Assert.DoesNotContain(allowed.Lines(), line => line.Contains("port-valmer.jpg"));
        Assert.Equal(1, (await CountsAsync(site)).Media);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string content, string fileName)
    {
        var form = await browser.GetStringAsync("/admin/import", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "Export", fileName },
        };
        return await browser.PostAsync("/admin/import", body, TestContext.Current.CancellationToken);
    }

    private static Task<(int Stories, int Revisions, int Sections, int Tags, int Media, int Redirects)> CountsAsync(OneOffSite site) =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var ct = TestContext.Current.CancellationToken;
            return (await db.Articles.IgnoreQueryFilters().CountAsync(ct), await db.ArticleRevisions.CountAsync(ct), await db.Sections.CountAsync(ct),
                await db.Tags.CountAsync(ct), await db.MediaItems.CountAsync(ct), await db.ArticleRedirects.CountAsync(ct));
        });
}

public sealed class WordPressImportTestsOnSqlite : WordPressImportTests
{
    protected override Task<OneOffSite> StartSiteAsync() => Task.FromResult(new OneOffSite("Sqlite", null));
}

public sealed class WordPressImportTestsOnPostgres : WordPressImportTests
{
    private SharedPostgresDatabase? database;

    protected override async Task<OneOffSite> StartSiteAsync()
    {
        if (database is null)
        {
            database = await OneOffSite.CreatePostgresDatabaseAsync();
            Disposables.Add(database);
        }
        return new OneOffSite("Postgres", database.ConnectionString);
    }
}
