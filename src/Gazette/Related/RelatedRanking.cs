using System.Globalization;

using Gazette.Search;
using Gazette.Text.Analysis;

using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace Gazette.Related;

/// <summary>
/// Chooses the stories to read after one, from the search index alone (so tools/RelatedEval runs the very same code
/// on a temporary index): Lucene's MoreLikeThis over the story's headline, standfirst and body in its own language,
/// plus the stories sharing its tags, nudged towards stories published near it. Stories in the same language come
/// first; copies (same normalised body or headline) of the story or of one already chosen are left out.
/// </summary>
public static class RelatedRanking
{
    public const int MaxArticles = 5;
    public const int MinArticles = 3;

    private const int Candidates = 50;
    private const float TagBoost = 0.5f;

    private static readonly Analyzer Analyzer = ArticleDocument.CreateAnalyzer();

    /// <summary>Up to <paramref name="count"/> story ids, best first; empty when the story is not in the index.</summary>
    public static IReadOnlyList<int> Rank(IndexSearcher searcher, int storyId, DateTime nowUtc, IReadOnlySet<int> leaveOut, int count = MaxArticles)
    {
        var sourceHits = searcher.Search(new TermQuery(new Term(ArticleDocument.Id, ArticleDocument.IdText(storyId))), 1);
        if (sourceHits.TotalHits == 0)
            return [];
        var sourceDoc = sourceHits.ScoreDocs[0].Doc;
        var source = searcher.Doc(sourceDoc);
        var language = PrimaryLanguage(source.Get(ArticleDocument.LanguageTag));
        var key = ArticleAnalyzers.KeyOf(language);
        var published = PublishedOf(source);

        var query = new BooleanQuery();
        if (LikeText(searcher.IndexReader, source, key) is { } like)
            query.Add(like, Occur.SHOULD);
        foreach (var tagId in source.GetValues(ArticleDocument.TagId))
            query.Add(new TermQuery(new Term(ArticleDocument.TagId, tagId)) { Boost = TagBoost }, Occur.SHOULD);

        var taken = new List<(int Id, bool SameLanguage, double Score)>();
        var seenBodies = new HashSet<string> { source.Get(ArticleDocument.BodyFingerprint) ?? "" };
        var seenHeadlines = new HashSet<string> { source.Get(ArticleDocument.HeadlineFingerprint) ?? "" };
        seenBodies.Remove("");
        seenHeadlines.Remove("");
        var publicNow = Filter(nowUtc, storyId, null);
        if (query.Clauses.Count > 0)
        {
            var hits = searcher.Search(query, publicNow, Candidates);
            var best = hits.ScoreDocs.Length > 0 ? hits.ScoreDocs[0].Score : 1f;
            foreach (var hit in hits.ScoreDocs)
            {
                var candidate = searcher.Doc(hit.Doc);
                if (Take(candidate, leaveOut, seenBodies, seenHeadlines) is not { } id)
                    continue;
                var days = Math.Abs((PublishedOf(candidate) - published).TotalDays);
                // A mild pull towards stories of the same weeks: at equal likeness, the nearer in time wins.
                var score = hit.Score / best * (0.85 + 0.15 * Math.Exp(-days / 90));
                taken.Add((id, PrimaryLanguage(candidate.Get(ArticleDocument.LanguageTag)) == language, score));
            }
        }
        var ranked = taken.OrderByDescending(t => t.SameLanguage).ThenByDescending(t => t.Score).Select(t => t.Id).Take(count).ToList();
        if (ranked.Count < Math.Min(MinArticles, count))
            ranked.AddRange(Latest(searcher, nowUtc, storyId, language, leaveOut.Concat(ranked).ToHashSet(), seenBodies, seenHeadlines,
                Math.Min(MinArticles, count) - ranked.Count));
        return ranked;
    }

    /// <summary>MoreLikeThis over the story's headline, standfirst and body, against the text field of its language;
    /// null when nothing in it is distinctive.</summary>
    private static Query? LikeText(IndexReader reader, Document source, string key)
    {
        var field = ArticleDocument.TextField(key);
        var like = new MoreLikeThis(reader)
        {
            Analyzer = Analyzer,
            FieldNames = [field],
            MinTermFreq = 1,
            // A word in no other story cannot find one; a word in most of them says nothing.
            MinDocFreq = 2,
            MinWordLen = 3,
            MaxQueryTerms = 40,
            ApplyBoost = true,
        };
        like.SetMaxDocFreqPct(40);
        var text = string.Join("\n\n", source.Get(ArticleDocument.Headline), source.Get(ArticleDocument.Standfirst), source.Get(ArticleDocument.Body));
        var query = like.Like(new StringReader(text), field);
        return query is BooleanQuery { Clauses.Count: 0 } ? null : query;
    }

    /// <summary>When likeness finds too few: the newest public stories in the same language.</summary>
    private static IEnumerable<int> Latest(IndexSearcher searcher, DateTime nowUtc, int storyId, string language, HashSet<int> leaveOut,
        HashSet<string> seenBodies, HashSet<string> seenHeadlines, int count)
    {
        var sort = new Sort(new SortField(ArticleDocument.Published, SortFieldType.INT64, reverse: true));
        var hits = searcher.Search(new MatchAllDocsQuery(), Filter(nowUtc, storyId, language), count + leaveOut.Count + 10, sort);
        var found = 0;
        foreach (var hit in hits.ScoreDocs)
        {
            if (found == count)
                yield break;
            if (Take(searcher.Doc(hit.Doc), leaveOut, seenBodies, seenHeadlines) is { } id)
            {
                found++;
                yield return id;
            }
        }
    }

    /// <summary>The candidate's id unless it is left out or a copy of a story already seen; remembers its prints.</summary>
    private static int? Take(Lucene.Net.Documents.Document candidate, IReadOnlySet<int> leaveOut, HashSet<string> seenBodies,
        HashSet<string> seenHeadlines)
    {
        var id = int.Parse(candidate.Get(ArticleDocument.Id), CultureInfo.InvariantCulture);
        if (leaveOut.Contains(id))
            return null;
        var body = candidate.Get(ArticleDocument.BodyFingerprint);
        var headline = candidate.Get(ArticleDocument.HeadlineFingerprint);
        if (body is not null && seenBodies.Contains(body) || headline is not null && seenHeadlines.Contains(headline))
            return null;
        if (body is not null)
            seenBodies.Add(body);
        if (headline is not null)
            seenHeadlines.Add(headline);
        return id;
    }

    /// <summary>Public now (scheduled stories wait for their minute), never the story itself, optionally one language.</summary>
    private static Filter Filter(DateTime nowUtc, int storyId, string? language)
    {
        var filter = new BooleanFilter
        {
            new FilterClause(NumericRangeFilter.NewInt64Range(ArticleDocument.Published, null, nowUtc.Ticks, true, true), Occur.MUST),
            new FilterClause(new TermFilter(new Term(ArticleDocument.Id, ArticleDocument.IdText(storyId))), Occur.MUST_NOT),
        };
        if (language is not null)
            filter.Add(new FilterClause(new TermFilter(new Term(ArticleDocument.Language, language)), Occur.MUST));
        return filter;
    }

    private static DateTime PublishedOf(Lucene.Net.Documents.Document document) =>
        new(long.Parse(document.Get(ArticleDocument.Published), CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static string PrimaryLanguage(string? tag) => (tag ?? "").Split('-')[0].ToLowerInvariant();
}
