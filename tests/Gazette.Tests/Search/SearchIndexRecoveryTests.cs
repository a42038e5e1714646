using Gazette.Cli;
using Gazette.Tests.Infrastructure;

using Lucene.Net.Index;
using Lucene.Net.Store;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Search;

/// <summary>A SQLite site of its own on a data folder the test chooses and keeps, started when first used.</summary>
internal sealed class SiteOnDataDirectory(string dataDirectory) : GazetteSite(dataDirectory)
{
    public override string Provider => "Sqlite";
    protected override string? ConnectionString => null;
    protected override bool DeleteDataOnDispose => false;
}

/// <summary>Index recovery needs sites of their own: they start on a broken or missing index, or are stopped.</summary>
public sealed class SearchIndexRecoveryTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "gazette-tests", Guid.NewGuid().ToString("N"));

    private string IndexFolder => Path.Combine(dataDirectory, "search-index");

    [Fact]
    public async Task A_corrupt_index_is_rebuilt_while_the_site_answers_searches()
    {
        System.IO.Directory.CreateDirectory(IndexFolder);
        var garbage = new byte[4096];
        Random.Shared.NextBytes(garbage);
        foreach (var name in new[] { "segments_1", "segments.gen", "_0.cfs", "_0.si" })
            await File.WriteAllBytesAsync(Path.Combine(IndexFolder, name), garbage, TestContext.Current.CancellationToken);
        await using var site = new SiteOnDataDirectory(dataDirectory);
        var reader = site.CreateReader();

        var page = await reader.GetAsync("/search?q=train", TestContext.Current.CancellationToken);
        var answer = await SearchWait.ApiUntilAsync(reader, "?q=train", a => !a.GetProperty("indexRebuilding").GetBoolean());

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.False(answer.GetProperty("indexRebuilding").GetBoolean());
        Assert.NotEmpty(answer.Ids());
    }

    [Fact]
    public async Task Search_reindex_rebuilds_the_index_of_a_stopped_site()
    {
        int publicStories;
        await using (var site = new SiteOnDataDirectory(dataDirectory))
        {
            var reader = site.CreateReader();
            await SearchWait.ApiUntilAsync(reader, "?q=train", a => !a.GetProperty("indexRebuilding").GetBoolean());
            // Scheduled stories are indexed too, and kept out of results until their minute.
            publicStories = await site.WithScopeAsync(services => services.GetRequiredService<Gazette.Data.GazetteDb>().Articles
                .CountAsync(a => (a.Status == Gazette.Articles.ArticleStatus.Published || a.Status == Gazette.Articles.ArticleStatus.Scheduled)
                    && a.PublishedAt != null, TestContext.Current.CancellationToken));

            // The running site holds the index: the verb says so instead of pulling it from under it.
            Assert.Equal(1, await CommandLine.RunAsync(["search", "reindex", "--Gazette:DataDirectory", dataDirectory]));
        }
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(IndexFolder, recursive: true);

        var exitCode = await CommandLine.RunAsync(["search", "reindex", "--Gazette:DataDirectory", dataDirectory]);

        Assert.Equal(0, exitCode);
        using var directory = FSDirectory.Open(IndexFolder);
        using var index = DirectoryReader.Open(directory);
        Assert.Equal(publicStories, index.NumDocs);
        Assert.True(long.Parse(index.IndexCommit.UserData[Gazette.Search.SearchIndex.LastChangeKey], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
