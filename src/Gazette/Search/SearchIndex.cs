using Gazette.Articles;
using Gazette.Data;

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Directory = System.IO.Directory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Gazette.Search;

/// <summary>
/// This node's Lucene index of public stories, in <c>{DataDirectory}/search-index</c>. It is derived data: the
/// commit remembers the last change-feed row applied, so a restart carries on from there, and a missing or
/// unreadable index is simply built again from the database. Writes come from one caller at a time (the
/// <see cref="IndexFollower"/>, or the <c>search reindex</c> verb); searches may run on any thread meanwhile.
/// </summary>
public sealed class SearchIndex(IOptions<GazetteOptions> options, ILogger<SearchIndex> logger) : IDisposable
{
    public const string LastChangeKey = "gazette.lastChangeId";

    /// <summary>Bumped when <see cref="ArticleDocument"/> gains or changes fields: an index of another layout is rebuilt.</summary>
    public const string LayoutKey = "gazette.layout";
    // 4: one text field per language and a headline field (3 on the search branch); the language field also holds a
    // regional story's whole tag (pt-br) (3 on the editions branch). Either 3 may exist on a node: 4 rebuilds both.
    // 5: Portuguese stories have their own text field (text_pt) instead of the plain one.
    public const string Layout = "5";
    private const int BatchSize = 200;

    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private volatile SearcherManager? searchers;

    public string Folder { get; } = Path.Combine(options.Value.FullDataDirectory, "search-index");

    /// <summary>True once the index holds every public story (false while it is first built or rebuilt).</summary>
    public bool IsReady => searchers is not null;

    /// <summary>The id of the last change-feed row reflected in the index.</summary>
    public long LastChangeId { get; private set; }

    /// <summary>Grows each time the index changes, so results derived from it (the related stories) know when to recompute.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>When <see cref="Generation"/> last moved (UTC ticks; 0 before the first change).</summary>
    public DateTime LastChangedAtUtc => new(Interlocked.Read(ref lastChangedTicks), DateTimeKind.Utc);
    private long lastChangedTicks;

    private long generation;

    public static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>Opens the index on disk; false when it is missing or unreadable and must be rebuilt.</summary>
    public bool TryOpen()
    {
        Directory.CreateDirectory(Folder);
        directory ??= FSDirectory.Open(Folder);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                return false;
            OpenWriter(OpenMode.APPEND);
            using (var reader = DirectoryReader.Open(writer, applyAllDeletes: true))
                _ = reader.NumDocs;
            if (!writer!.CommitData.TryGetValue(LayoutKey, out var layout) || layout != Layout)
            {
                logger.LogInformation("The search index in {Folder} has an older layout; it will be rebuilt from the database.", Folder);
                return false;
            }
            LastChangeId = writer.CommitData.TryGetValue(LastChangeKey, out var last) && long.TryParse(last, out var id) ? id : 0;
            searchers = new SearcherManager(writer, applyAllDeletes: true, new SimilarityFactory());
            return true;
        }
        catch (LockObtainFailedException)
        {
            throw new InvalidOperationException($"The search index in {Folder} is in use by another Gazette process.");
        }
        catch (Exception exception) when (exception is IOException or CorruptIndexException or IndexFormatTooOldException
                                              or IndexFormatTooNewException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning(exception, "The search index in {Folder} cannot be read; it will be rebuilt from the database.", Folder);
            CloseWriter();
            return false;
        }
    }

    /// <summary>Builds the index again from the database; searches answer "being rebuilt" until it is done.</summary>
    public async Task RebuildAsync(GazetteDb db, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var old = searchers;
        searchers = null;
        old?.Dispose();
        OpenForRebuild();

        // Changes made while the build reads the stories come after this row, so following resumes without a gap.
        var upTo = await db.ChangeEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var count = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await Stories(db).Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var article in batch.Where(ArticleDocument.Belongs))
            {
                writer!.AddDocument(ArticleDocument.From(article));
                count++;
            }
            lastId = batch[^1].Id;
        }
        Commit(upTo);
        searchers = new SearcherManager(writer, applyAllDeletes: true, new SimilarityFactory());
        MarkChanged();
        logger.LogInformation("Search index rebuilt: {Count} stories in {Seconds:F1} s.", count, (DateTime.UtcNow - started).TotalSeconds);
    }

    /// <summary>Re-indexes or removes each story, then commits with the change-feed row they reflect.</summary>
    public async Task ApplyAsync(GazetteDb db, IReadOnlyCollection<int> storyIds, long upToChangeId, CancellationToken cancellationToken)
    {
        foreach (var chunk in storyIds.Chunk(BatchSize))
        {
            var found = await Stories(db).Where(a => chunk.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            foreach (var id in chunk)
            {
                var term = new Term(ArticleDocument.Id, ArticleDocument.IdText(id));
                if (found.TryGetValue(id, out var article) && ArticleDocument.Belongs(article))
                    writer!.UpdateDocument(term, ArticleDocument.From(article));
                else
                    writer!.DeleteDocuments(term);
            }
        }
        Commit(upToChangeId);
        searchers?.MaybeRefreshBlocking();
        // After the refresh: a result computed under the new generation has seen the change.
        MarkChanged();
    }

    private void MarkChanged()
    {
        Interlocked.Increment(ref generation);
        Interlocked.Exchange(ref lastChangedTicks, DateTime.UtcNow.Ticks);
    }

    /// <summary>The stories whose document holds <paramref name="value"/> in <paramref name="field"/> (who uses a tag, a section…).</summary>
    public IReadOnlyList<int> ArticlesWith(string field, string value)
    {
        var ids = new List<int>();
        Search(searcher =>
        {
            var hits = searcher.Search(new TermQuery(new Term(field, value)), int.MaxValue / 2);
            foreach (var hit in hits.ScoreDocs)
                ids.Add(int.Parse(searcher.Doc(hit.Doc).Get(ArticleDocument.Id), System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        });
        return ids;
    }

    /// <summary>Runs <paramref name="work"/> on a current searcher; null when the index is being built.</summary>
    public T? Search<T>(Func<IndexSearcher, T> work)
    {
        var manager = searchers;
        if (manager is null)
            return default;
        IndexSearcher searcher;
        try
        {
            searcher = manager.Acquire();
        }
        catch (ObjectDisposedException)
        {
            return default;
        }
        try
        {
            return work(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>An empty index to fill, holding the folder's lock before anything in it is touched.</summary>
    private void OpenForRebuild()
    {
        if (writer is not null)
        {
            writer.DeleteAll();
            return;
        }
        Directory.CreateDirectory(Folder);
        directory ??= FSDirectory.Open(Folder);
        try
        {
            OpenWriter(OpenMode.CREATE);
        }
        catch (IOException exception) when (exception is not LockObtainFailedException)
        {
            // Files the writer cannot even read past: clear the folder, keeping only the lock file.
            foreach (var file in Directory.EnumerateFiles(Folder).Where(f => Path.GetFileName(f) != IndexWriter.WRITE_LOCK_NAME))
                File.Delete(file);
            OpenWriter(OpenMode.CREATE);
        }
    }

    private static IQueryable<Article> Stories(GazetteDb db) =>
        db.Articles.AsNoTracking().AsSplitQuery()
            .Include(a => a.Section).Include(a => a.Tags).Include(a => a.Authors).ThenInclude(byline => byline.Author);

    private void OpenWriter(OpenMode mode) => writer = new IndexWriter(directory, WriterConfig(mode));

    /// <summary>How every Gazette index is written: the site's, and the temporary ones of tools/RelatedEval and bench/search.</summary>
    public static IndexWriterConfig WriterConfig(OpenMode mode) =>
        new(Text.Analysis.ArticleAnalyzers.Version, ArticleDocument.CreateAnalyzer()) { OpenMode = mode, Similarity = Similarity };

    /// <summary>A searcher that ranks as the site's do.</summary>
    public static IndexSearcher Searcher(IndexReader reader) => new(reader) { Similarity = Similarity };

    private void Commit(long upToChangeId)
    {
        writer!.SetCommitData(new Dictionary<string, string>
        {
            [LastChangeKey] = upToChangeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [LayoutKey] = Layout,
        });
        writer.Commit();
        LastChangeId = upToChangeId;
    }

    private void CloseWriter()
    {
        try
        {
            writer?.Dispose();
        }
        catch (Exception exception) when (exception is IOException or CorruptIndexException)
        {
            logger.LogDebug(exception, "Closing an unreadable search index.");
        }
        writer = null;
    }

    public void Dispose()
    {
        searchers?.Dispose();
        searchers = null;
        CloseWriter();
        directory?.Dispose();
    }

    private sealed class SimilarityFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => Searcher(reader);
    }
}
