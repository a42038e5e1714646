using System.Net;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Admin;

public abstract class TrashTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task A_deleted_story_disappears_from_the_site_and_restore_brings_it_back()
    {
        var (author, _) = await Site.SignedInAsAsync(Roles.Author);
        var headline = TestArticles.UniqueHeadline("Deleted then restored");
        var id = await author.CreateArticleAsync(headline);
        await author.PostArticleAsync(id, await author.ReadArticleFormAsync(id), "publish");
        var path = await Site.PathOfAsync(await Site.LoadArticleAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);

        var deleted = await author.PostFormAsync($"/admin/stories/{id}?handler=Delete", [], formPath: $"/admin/stories/{id}");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.NotNull((await Site.LoadArticleAsync(id)).DeletedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/admin/stories/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(headline, await author.GetStringAsync("/admin/stories", TestContext.Current.CancellationToken));
        Assert.Contains(headline, await author.GetStringAsync("/admin/stories/trash", TestContext.Current.CancellationToken));

        var restored = await author.PostFormAsync($"/admin/stories/trash?handler=Restore&id={id}", [], formPath: "/admin/stories/trash");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null((await Site.LoadArticleAsync(id)).DeletedAt);
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Stories_deleted_more_than_30_days_ago_are_purged_when_the_trash_is_opened()
    {
        var old = await Site.CreateAsync(TestArticles.UniqueHeadline("Long deleted"));
        var recent = await Site.CreateAsync(TestArticles.UniqueHeadline("Recently deleted"));
        await Site.WithDbAsync(async db =>
        {
            await db.Articles.Where(a => a.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, DateTime.UtcNow.AddDays(-31)), TestContext.Current.CancellationToken);
            await db.Articles.Where(a => a.Id == recent.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, DateTime.UtcNow.AddDays(-29)), TestContext.Current.CancellationToken);
        });
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);

        var trash = await editor.GetStringAsync("/admin/stories/trash", TestContext.Current.CancellationToken);

        Assert.Contains(recent.Headline, trash);
        Assert.DoesNotContain(old.Headline, trash);
        var remaining = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles.IgnoreQueryFilters()
            .Where(a => a.Id == old.Id || a.Id == recent.Id).Select(a => a.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([recent.Id], remaining);
    }
}

public sealed class TrashTestsOnSqlite(SqliteSite site) : TrashTests(site);

public sealed class TrashTestsOnPostgres(PostgresSite site) : TrashTests(site);
