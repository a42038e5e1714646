using Gazette.Data;

namespace Gazette.Search;

/// <summary><c>gazette search reindex</c>: builds this node's search index again from the database.</summary>
public static class SearchReindexVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help" or "-h", ..])
        {
            Console.WriteLine("Usage: gazette search reindex [--Gazette:DataDirectory DIR]");
            Console.WriteLine("Rebuilds the search index in the data folder from the database. Stop the server of this data folder first.");
            return 0;
        }
        using var host = GazetteServices.BuildForCommandLine(args);
        var index = host.Services.GetRequiredService<SearchIndex>();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        try
        {
            await index.RebuildAsync(db, CancellationToken.None);
            var count = index.Search(searcher => searcher.IndexReader.NumDocs);
            Console.WriteLine($"Indexed {count} stories in {index.Folder}.");
            return 0;
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            await Console.Error.WriteLineAsync($"gazette: the search index in {index.Folder} is in use by a running Gazette; stop it first (a running Gazette rebuilds a missing index by itself).");
            return 1;
        }
        catch (Exception exception) when (exception is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"gazette: the database cannot be read ({exception.Message.Split('\n')[0]}); start Gazette once to create it.");
            return 1;
        }
    }
}
