using System.Globalization;
using System.Text;

namespace Gazette.Demo.Generator;

/// <summary>A generated story before it meets the database: text, and the names of what it refers to.</summary>
public sealed record GeneratedArticle(string Language, string Headline, string Standfirst, string BodyMarkdown, string SectionSlug,
    IReadOnlyList<string> Tags, string Author, string? Figure, string? FigureAlt, DateTime PublishedAt);

/// <summary>
/// Writes plausible stories from <see cref="PhraseBook"/>: a topic, a place, a person and numbers fill a headline,
/// a standfirst and four to seven paragraphs. The same seed gives the same stories.
/// </summary>
public sealed class ArticleGenerator(int seed, DateTime nowUtc, int years = 5)
{
    private static readonly string[] Figures = ["concert.jpg", "ferry.jpg", "harbour.jpg", "market.jpg", "river.jpg", "train.jpg", "vineyard.jpg", "wind.jpg"];

    private readonly Random random = new(seed);

    public GeneratedArticle Next()
    {
        var book = PhraseBook.All[random.Next(PhraseBook.All.Count)];
        var topic = Pick(book.Topics);
        var place = Pick(PhraseBook.Places);
        string Fill(string pattern) => new StringBuilder(pattern)
            .Replace("{place}", place)
            .Replace("{person}", Pick(book.People))
            .Replace("{day}", Pick(book.Days))
            .Replace("{noun}", Pick(topic.Nouns))
            .Replace("{number}", random.Next(2, 400).ToString(CultureInfo.InvariantCulture))
            .ToString();
        var headline = Capitalize(Fill(Pick(topic.Headlines)));
        var paragraphs = Enumerable.Range(0, random.Next(4, 8)).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(2, 5))
            .Select(_ => Capitalize(Fill(random.Next(3) == 0 ? Pick(book.CommonSentences) : Pick(topic.Sentences))))));
        var tags = topic.Tags.Where(_ => random.Next(3) > 0).Select(tag => tag.Replace("{place}", place, StringComparison.Ordinal)).ToList();
        if (tags.Count == 0)
            tags.Add(topic.Tags[0].Replace("{place}", place, StringComparison.Ordinal));
        var figure = random.Next(4) > 0 ? Pick(Figures) : null;
        var published = nowUtc.AddMinutes(-random.NextInt64(60, (long)years * 365 * 24 * 60));
        return new GeneratedArticle(book.Language, headline, Capitalize(Fill(Pick(book.Standfirsts))), string.Join("\n\n", paragraphs),
            topic.Section, tags, book.AuthorName, figure, figure is null ? null : $"{headline} ({place})", published);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Capitalize(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) || !char.IsLetter(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
