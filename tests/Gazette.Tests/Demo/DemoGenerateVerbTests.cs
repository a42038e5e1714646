using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Search;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Demo;

public sealed class DemoGenerateVerbTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "gazette-tests", "generate-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> Settings => new()
    {
        ["Gazette:DataDirectory"] = dataDirectory,
        ["Gazette:DemoContent"] = "false",
        ["Database:Provider"] = "Sqlite",
    };

    [Fact]
    public async Task It_fills_the_database_with_published_stories_in_several_languages_and_indexes_them()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DemoGenerateVerb.RunAsync(["--articles", "60", "--seed", "5"], output, error, Settings, TestContext.Current.CancellationToken);

        Assert.True(exit == 0, error.ToString());
        Assert.StartsWith("Added 60 stories", output.ToString());
        await using var app = await VerbHost.StartDatabaseAsync(Settings, TestContext.Current.CancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var stories = await db.Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Authors).Include(a => a.Section)
            .AsSplitQuery().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(60, stories.Count);
        Assert.All(stories, s => Assert.Equal(ArticleStatus.Published, s.Status));
        Assert.All(stories, s => Assert.True(s.PublishedAt < DateTime.UtcNow && s.Tags.Count > 0 && s.Authors.Count == 1 && s.Section is not null));
        Assert.All(stories, s => Assert.Contains("<p>", s.BodyHtml));
        Assert.True(stories.Select(s => s.Language).Distinct().Count() >= 5);
        Assert.True(stories.Select(s => s.Authors[0].AuthorId).Distinct().Count() >= 5);
        Assert.Contains(stories, s => s.FeaturedFigure is not null);
        Assert.True((stories.Max(s => s.PublishedAt) - stories.Min(s => s.PublishedAt))!.Value.TotalDays > 365);
        Assert.Equal(60, stories.Select(s => (s.Language, s.Slug)).Distinct().Count());

        var index = app.Services.GetRequiredService<SearchIndex>();
        Assert.True(index.TryOpen());
        Assert.Equal(60, index.Search(searcher => searcher.IndexReader.NumDocs));
    }

    [Fact]
    public async Task A_missing_or_bad_count_is_refused()
    {
        var error = new StringWriter();
        Assert.Equal(1, await DemoGenerateVerb.RunAsync(["--articles", "many"], new StringWriter(), error, Settings, TestContext.Current.CancellationToken));
        Assert.Contains("--articles", error.ToString());
        Assert.Equal(1, await DemoGenerateVerb.RunAsync(["--seed", "3"], new StringWriter(), new StringWriter(), Settings, TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
