using Gazette.Articles.Markdown;
using Gazette.Data;
using Gazette.Search;
using Gazette.Text.Keyphrases;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Tags;

/// <summary>One suggested tag; <see cref="Existing"/> when it is a tag the site already has (named as that tag).</summary>
public sealed record TagSuggestion(string Name, bool Existing);

/// <summary>
/// The story editor's suggested tags: the keyphrase extractor of <c>gazette tags suggest</c> run on the form's
/// headline and rendered body, in the form's language (detected when empty or unknown), against the word counts of
/// the site's published stories in that language. A suggestion that means an existing tag (same stems, case and
/// accents aside) is given as that tag, and those come first.
/// </summary>
public sealed class TagSuggestions(GazetteDb db, ArticleMarkdown markdown, PublishedWordCounts wordCounts)
{
    public const int MaxSuggestions = 10;

    private static readonly KeyphraseExtractor Extractor = new();

    public async Task<IReadOnlyList<TagSuggestion>> ForAsync(string? headline, string? bodyMarkdown, string? language,
        IEnumerable<string> alreadyChosen, CancellationToken cancellationToken)
    {
        var body = ArticleDocument.PlainText(await markdown.RenderAsync(bodyMarkdown ?? "", language, cancellationToken));
        var code = KeyphraseLanguage.Choose((language ?? "").Split('-')[0].Trim(), headline, body).Code;
        var tagNames = await db.Tags.AsNoTracking().Select(t => t.Name).ToListAsync(cancellationToken);
        var existing = tagNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chosen = alreadyChosen.ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A few more than shown: some are dropped as already on the story.
        var collection = await wordCounts.ForAsync(code, cancellationToken);
        var suggested = Extractor.Suggest(headline, body, code, tagNames, MaxSuggestions + chosen.Count, collection)
            .Where(name => !chosen.Contains(name))
            .Select(name => new TagSuggestion(name, existing.Contains(name)));
        return suggested.OrderByDescending(s => s.Existing).Take(MaxSuggestions).ToList();
    }
}
