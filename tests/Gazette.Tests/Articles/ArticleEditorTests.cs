using Gazette.Articles;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Articles;

public abstract class ArticleEditorTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task Slugs_are_unique_per_language_and_shared_across_languages()
    {
        var headline = TestArticles.UniqueHeadline("L’école de musique déménage");

        var first = await Site.CreateAsync(headline, a => a.Language = "fr");
        var second = await Site.CreateAsync(headline, a => a.Language = "fr");
        var english = await Site.CreateAsync(headline, a => a.Language = "en");

        Assert.StartsWith("lecole-de-musique-demenage-", first.Slug);
        Assert.Equal(first.Slug + "-2", second.Slug);
        Assert.Equal(first.Slug, english.Slug);
    }

    [Fact]
    public async Task A_draft_address_follows_its_headline_until_it_is_chosen_or_published()
    {
        var draft = await Site.CreateAsync(TestArticles.UniqueHeadline("Harbour pilots strike"), a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });
        var chosen = await Site.CreateAsync(TestArticles.UniqueHeadline("Harbour budget"), a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; a.Slug = "harbour-budget-explained"; });
        var published = await Site.CreateAsync(TestArticles.UniqueHeadline("Harbour reopens"));

        var renamed = await RetitleAsync(draft.Id, TestArticles.UniqueHeadline("Les pilotes du port en grève"));
        Assert.StartsWith("les-pilotes-du-port-en-greve-", renamed.Slug);
        Assert.Equal("harbour-budget-explained", (await RetitleAsync(chosen.Id, "Harbour budget, the details")).Slug);
        Assert.Equal(published.Slug, (await RetitleAsync(published.Id, TestArticles.UniqueHeadline("Harbour reopens at last"))).Slug);
    }

    private Task<Article> RetitleAsync(int id, string headline) =>
        Site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var article = await db.Articles.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
            article.Headline = headline;
            await services.GetRequiredService<ArticleEditor>().SaveAsync(article, TestContext.Current.CancellationToken);
            return article;
        });

    [Fact]
    public async Task The_body_is_rendered_and_stored_at_save_time()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Rendered body"), a => a.BodyMarkdown = "Some **bold** words.");

        Assert.Contains("<strong>bold</strong>", article.BodyHtml);
        var stored = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles
            .Where(a => a.Id == article.Id).Select(a => a.BodyHtml).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(article.BodyHtml, stored);
    }

    [Theory]
    [InlineData("", "en", "Headline")]
    [InlineData("   ", "en", "Headline")]
    [InlineData("A fine headline", "", "Language")]
    [InlineData("A fine headline", "french", "Language")]
    [InlineData("A fine headline", "fr_FR", "Language")]
    public async Task Bad_stories_are_refused_with_the_field_and_the_reason_and_nothing_is_saved(string headline, string language, string field)
    {
        var error = await Assert.ThrowsAsync<ArticleValidationException>(() => Site.CreateAsync(headline, a => a.Language = language));

        Assert.True(error.Errors.ContainsKey(field), string.Join("; ", error.Errors));
        Assert.False(string.IsNullOrWhiteSpace(error.Errors[field]));
        var trimmed = headline.Trim();
        var saved = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles
            .AnyAsync(a => field == "Headline" ? a.Headline == trimmed : a.Language == language, TestContext.Current.CancellationToken));
        Assert.False(saved);
    }

    [Fact]
    public async Task Language_tags_are_written_the_bcp47_way()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Brazilian edition"), a => a.Language = "PT-br");

        Assert.Equal("pt-BR", article.Language);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_cannot_overwrite_each_other()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Contested story"));

        await using var firstScope = Site.Services.CreateAsyncScope();
        await using var secondScope = Site.Services.CreateAsyncScope();
        var first = await firstScope.ServiceProvider.GetRequiredService<GazetteDb>().Articles.SingleAsync(a => a.Id == article.Id, TestContext.Current.CancellationToken);
        var second = await secondScope.ServiceProvider.GetRequiredService<GazetteDb>().Articles.SingleAsync(a => a.Id == article.Id, TestContext.Current.CancellationToken);

        first.Standfirst = "The first editor's standfirst.";
        await firstScope.ServiceProvider.GetRequiredService<ArticleEditor>().SaveAsync(first, TestContext.Current.CancellationToken);
        second.Standfirst = "The second editor's standfirst.";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            secondScope.ServiceProvider.GetRequiredService<ArticleEditor>().SaveAsync(second, TestContext.Current.CancellationToken));
        var stored = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles
            .Where(a => a.Id == article.Id).Select(a => a.Standfirst).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal("The first editor's standfirst.", stored);
    }

    [Fact]
    public async Task Every_save_leaves_a_row_in_the_change_feed()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Change feed story"));
        await Site.EditAsync(article.Id, a => a.Standfirst = "Edited.");

        var kinds = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().ChangeEvents
            .Where(c => c.EntityType == nameof(Article) && c.EntityId == article.Id)
            .OrderBy(c => c.Id).Select(c => c.Kind).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal([ChangeKind.Created, ChangeKind.Updated], kinds);
    }
}

public sealed class ArticleEditorTestsOnSqlite(SqliteSite site) : ArticleEditorTests(site);

public sealed class ArticleEditorTestsOnPostgres(PostgresSite site) : ArticleEditorTests(site);
