using Gazette.Articles;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Sections;
using Gazette.Site;
using Gazette.Tags;
using Gazette.Text;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Infrastructure;

/// <summary>Makes stories in a running site through the same <see cref="ArticleEditor"/> the newsroom uses.</summary>
public static class TestArticles
{
    /// <summary>A headline no other test uses.</summary>
    public static string UniqueHeadline(string words) => $"{words} {Guid.NewGuid().ToString("N")[..8]}";

    public static Task<Article> CreateAsync(this GazetteSite site, string headline, Action<Article>? configure = null,
        string? section = null, string[]? authors = null, string[]? tags = null) =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var article = new Article
            {
                Headline = headline,
                Standfirst = "A standfirst written for the tests.",
                BodyMarkdown = "First paragraph of the test story.\n\nSecond paragraph.",
                Language = "en",
                Status = ArticleStatus.Published,
                PublishedAt = DateTime.UtcNow.AddMinutes(-5),
            };
            if (section is not null)
                article.Section = await FindOrAddAsync(db.Sections, s => s.Name == section, () => new Section { Name = section, Slug = Slugs.Create(section) });
            var position = 0;
            foreach (var name in authors ?? [])
            {
                var author = await FindOrAddAsync(db.Authors, a => a.Name == name, () => new Author { Name = name, Slug = Slugs.Create(name), Bio = $"{name} writes for the tests." });
                article.Authors.Add(new ArticleAuthor { Author = author, Position = position++ });
            }
            foreach (var name in tags ?? [])
                article.Tags.Add(await FindOrAddAsync(db.Tags, t => t.Name == name, () => new Tag { Name = name, Slug = Slugs.Create(name) }));
            configure?.Invoke(article);
            await services.GetRequiredService<ArticleEditor>().SaveAsync(article, TestContext.Current.CancellationToken);
            if (section is not null)
                services.GetRequiredService<SiteContext>().Invalidate();
            return article;
        });

    /// <summary>Loads a story, lets <paramref name="change"/> edit it, and saves it through the editor.</summary>
    public static Task<Article> EditAsync(this GazetteSite site, int id, Action<Article> change) =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var article = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).FirstAsync(a => a.Id == id, TestContext.Current.CancellationToken);
            change(article);
            await services.GetRequiredService<ArticleEditor>().SaveAsync(article, TestContext.Current.CancellationToken);
            return article;
        });

    /// <summary>The story's public path as the site computes it.</summary>
    public static Task<string> PathOfAsync(this GazetteSite site, Article article) =>
        site.WithScopeAsync(async services =>
        {
            var zone = (await services.GetRequiredService<SiteContext>().GetAsync(TestContext.Current.CancellationToken)).TimeZone;
            return Addresses.Story(article, zone);
        });

    private static async Task<T> FindOrAddAsync<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> match, Func<T> create)
        where T : class
    {
        var existing = await set.FirstOrDefaultAsync(match, TestContext.Current.CancellationToken);
        if (existing is not null)
            return existing;
        var created = create();
        set.Add(created);
        return created;
    }
}
