using Gazette.Articles;
using Gazette.Tests.Infrastructure;
using Gazette.Text;

namespace Gazette.Tests.Search;

public abstract class SearchTests(GazetteSite site) : SiteTest(site)
{
    /// <summary>A made-up word of letters only, so no other story and no other test has it.</summary>
    private static string Word() => "x" + string.Concat(Guid.NewGuid().ToByteArray().Take(9).Select(b => (char)('a' + b % 26)));

    private Task<Article> ArticleAsync(string headline, string language = "en", string body = "A paragraph.", string standfirst = "",
        Action<Article>? configure = null, string? section = null, string[]? tags = null, string[]? authors = null) =>
        Site.CreateAsync(headline, article =>
        {
            article.Language = language;
            article.BodyMarkdown = body;
            article.Standfirst = standfirst;
            configure?.Invoke(article);
        }, section, authors, tags);

    private Task<System.Text.Json.JsonElement> FoundAsync(string query, int id) =>
        SearchWait.ApiUntilAsync(Reader, query, answer => answer.Has(id));

    [Fact]
    public async Task French_elided_and_inflected_words_find_a_story()
    {
        var word = Word();
        var story = await ArticleAsync($"Le conseil {word} va officialiser l’adhésion de l’Ukraine", "fr",
            body: "Les garanties de sécurité seront discutées à l’OTAN.");

        Assert.True((await FoundAsync($"?q={word}+officialisera", story.Id)).Has(story.Id));
        Assert.True((await SearchWait.ApiAsync(Reader, $"?q=Ukraine+{word}")).Has(story.Id));
        Assert.True((await SearchWait.ApiAsync(Reader, $"?q=adhesion+{word}")).Has(story.Id));
        Assert.True((await SearchWait.ApiAsync(Reader, $"?q=d%27officialiser+{word}")).Has(story.Id));
        Assert.True((await SearchWait.ApiAsync(Reader, $"?q=otan+garantie+securite+{word}")).Has(story.Id));
    }

    [Fact]
    public async Task English_words_are_stemmed_and_accents_folded()
    {
        var word = Word();
        var story = await ArticleAsync($"Harbour café {word} cancelled two ferries");

        Assert.True((await FoundAsync($"?q=ferry+cancel+{word}", story.Id)).Has(story.Id));
        Assert.True((await SearchWait.ApiAsync(Reader, $"?q=CAFE+{word}")).Has(story.Id));
    }

    [Fact]
    public async Task Portuguese_plurals_and_unaccented_words_find_a_story()
    {
        var word = Word();
        var story = await ArticleAsync($"O conselho {word} adia as eleições municipais", "pt-BR",
            body: "As ministras defenderam a reforma das pensões.");

        Assert.True((await FoundAsync($"?q={word}+eleicao", story.Id)).Has(story.Id));
        Assert.True((await SearchWait.ApiAsync(Reader, $"?q=ministro+pensao+{word}")).Has(story.Id));
        Assert.True((await SearchWait.ApiAsync(Reader, $"?q=elei%C3%A7%C3%B5es+{word}&lang=pt")).Has(story.Id));
    }

    [Fact]
    public async Task A_headline_match_ranks_above_a_body_match()
    {
        var word = Word();
        var inBody = await ArticleAsync("A story about the weather", body: $"Somewhere in the text the word {word} appears once.");
        var inHeadline = await ArticleAsync($"The {word} affair");

        var answer = await SearchWait.ApiUntilAsync(Reader, $"?q={word}", a => a.Ids().Length == 2);

        Assert.Equal([inHeadline.Id, inBody.Id], answer.Ids());
    }

    [Fact]
    public async Task Filters_narrow_by_section_tag_author_language_and_dates()
    {
        var word = Word();
        var sectioned = await ArticleAsync($"Sectioned {word}", section: $"Section {word}");
        var tagged = await ArticleAsync($"Tagged {word}", tags: [$"Tag {word}"]);
        var authored = await ArticleAsync($"Authored {word}", authors: [$"Writer {word}"]);
        var french = await ArticleAsync($"Article {word} en français", "fr");
        var old = await ArticleAsync($"Old {word}", configure: a => a.PublishedAt = new DateTime(2020, 3, 10, 12, 0, 0, DateTimeKind.Utc));
        await SearchWait.ApiUntilAsync(Reader, $"?q={word}", a => a.Ids().Length == 5);

        Assert.Equal([sectioned.Id], (await SearchWait.ApiAsync(Reader, $"?q={word}&section={Slugs.Create($"Section {word}")}")).Ids());
        Assert.Equal([tagged.Id], (await SearchWait.ApiAsync(Reader, $"?q={word}&tag={Slugs.Create($"Tag {word}")}")).Ids());
        Assert.Equal([authored.Id], (await SearchWait.ApiAsync(Reader, $"?q={word}&author={Slugs.Create($"Writer {word}")}")).Ids());
        Assert.Equal([french.Id], (await SearchWait.ApiAsync(Reader, $"?q={word}&lang=fr")).Ids());
        Assert.Equal([old.Id], (await SearchWait.ApiAsync(Reader, $"?q={word}&from=2020-03-01&to=2020-03-31")).Ids());
        Assert.DoesNotContain(old.Id, (await SearchWait.ApiAsync(Reader, $"?q={word}&from=2021-01-01")).Ids());
        // Filters alone list their stories, newest first.
        Assert.Equal([tagged.Id], (await SearchWait.ApiAsync(Reader, $"?tag={Slugs.Create($"Tag {word}")}")).Ids());
    }

    [Fact]
    public async Task Sort_by_date_puts_the_newest_first_and_pages_hold_ten()
    {
        var word = Word();
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var day = i;
            ids.Add((await ArticleAsync($"Story {i} {word}", configure: a => a.PublishedAt = new DateTime(2024, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(day))).Id);
        }
        ids.Reverse();
        await SearchWait.ApiUntilAsync(Reader, $"?q={word}", a => a.GetProperty("total").GetInt32() == 12);

        var first = await SearchWait.ApiAsync(Reader, $"?q={word}&sort=date");
        var second = await SearchWait.ApiAsync(Reader, $"?q={word}&sort=date&page=2");

        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(ids, first.Ids().Concat(second.Ids()));
        var page = await Reader.GetDocumentAsync($"/search?q={word}&sort=date");
        Assert.Equal(10, page.QuerySelectorAll(".search-results .card").Length);
        Assert.Equal($"/search?q={word}&sort=date&page=2", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_misspelt_word_finds_similar_words_and_says_so()
    {
        var word = Word();
        // The swap below must change the word: two equal letters in a row would leave it as it was.
        if (word[4] == word[5])
            word = word[..5] + (char)('a' + (word[5] - 'a' + 1) % 26) + word[6..];
        var story = await ArticleAsync($"Minister {word} resigns");
        await FoundAsync($"?q={word}", story.Id);
        var misspelt = word[..4] + word[5] + word[4] + word[6..];

        var answer = await SearchWait.ApiAsync(Reader, $"?q={misspelt}");
        var page = await Reader.GetDocumentAsync($"/search?q={misspelt}");

        Assert.Contains(story.Id, answer.Ids());
        Assert.Contains(word, answer.GetProperty("similarWords").EnumerateArray().Select(w => w.GetString()!.ToLowerInvariant()));
        Assert.Contains(word, page.QuerySelector(".search-similar")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Snippets_highlight_the_words_and_carry_no_other_markup()
    {
        var word = Word();
        var story = await ArticleAsync($"Markup {word}", standfirst: $"When <b>{word}</b> & <script>alert(1)</script> meet");
        await FoundAsync($"?q={word}", story.Id);

        var page = await Reader.GetDocumentAsync($"/search?q={word}");

        var result = page.QuerySelector(".search-result")!;
        Assert.NotEmpty(result.QuerySelectorAll(".card-headline mark"));
        Assert.NotEmpty(result.QuerySelectorAll(".card-snippet mark"));
        Assert.Empty(result.QuerySelectorAll(".card-snippet *:not(mark)"));
        Assert.Contains("<script>", result.QuerySelector(".card-snippet")!.TextContent);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("title:(")]
    [InlineData("%22unbalanced")]
    [InlineData("%00")]
    [InlineData("a%00b")]
    [InlineData("[a+TO")]
    [InlineData("AND+OR+NOT")]
    [InlineData("foo~2^3")]
    [InlineData("%5C")]
    [InlineData("((((")]
    [InlineData("?")]
    [InlineData("-")]
    [InlineData("%22%22%22")]
    [InlineData("the")]
    public async Task Hostile_queries_get_an_answer_not_an_error(string query)
    {
        await Reader.GetDocumentAsync($"/search?q={query}");
        await SearchWait.ApiAsync(Reader, $"?q={query}");
        await Reader.GetDocumentAsync($"/search?q={query}&from=yesterday&page=abc&sort=%00&lang=%00");
    }

    [Fact]
    public async Task A_ten_thousand_character_query_gets_a_message()
    {
        var answer = await SearchWait.ApiAsync(Reader, "?q=" + new string('a', 10_000));

        Assert.Empty(answer.Ids());
        Assert.Contains("200", answer.GetProperty("messages")[0].GetString());
    }

    [Fact]
    public async Task The_index_follows_publishing_editing_unpublishing_and_deleting()
    {
        var word = Word();
        var newWord = Word();
        var story = await ArticleAsync($"Draft {word}", configure: a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });

        await Site.EditAsync(story.Id, a => a.Status = ArticleStatus.Published);
        Assert.True((await FoundAsync($"?q={word}", story.Id)).Has(story.Id));

        await Site.EditAsync(story.Id, a => a.BodyMarkdown = $"Now the story also says {newWord}.");
        Assert.True((await FoundAsync($"?q={newWord}", story.Id)).Has(story.Id));

        await Site.EditAsync(story.Id, a => a.Status = ArticleStatus.Unpublished);
        Assert.False((await SearchWait.ApiUntilAsync(Reader, $"?q={word}", a => !a.Has(story.Id))).Has(story.Id));

        await Site.EditAsync(story.Id, a => a.Status = ArticleStatus.Published);
        await FoundAsync($"?q={word}", story.Id);
        await Site.EditAsync(story.Id, a => a.DeletedAt = DateTime.UtcNow);
        Assert.False((await SearchWait.ApiUntilAsync(Reader, $"?q={word}", a => !a.Has(story.Id))).Has(story.Id));
    }

    [Fact]
    public async Task A_scheduled_story_is_found_once_its_time_has_come()
    {
        var word = Word();
        var story = await ArticleAsync($"Scheduled {word}", configure: a =>
        {
            a.Status = ArticleStatus.Scheduled;
            a.PublishedAt = DateTime.UtcNow.AddSeconds(3);
        });

        Assert.False((await SearchWait.ApiAsync(Reader, $"?q={word}")).Has(story.Id));
        Assert.True((await FoundAsync($"?q={word}", story.Id)).Has(story.Id));
    }

    [Fact]
    public async Task Renaming_a_tag_reindexes_its_stories()
    {
        var word = Word();
        var renamed = Word();
        var story = await ArticleAsync($"Tag rename {word}", tags: [$"Old tag {word}"]);
        await FoundAsync($"?q={word}", story.Id);

        await Site.WithDbAsync(async db =>
        {
            var tag = db.Tags.Single(t => t.Name == $"Old tag {word}");
            tag.Name = $"New tag {renamed}";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        Assert.True((await FoundAsync($"?q={renamed}", story.Id)).Has(story.Id));
    }
}

public sealed class SearchTestsOnSqlite(SqliteSite site) : SearchTests(site);

public sealed class SearchTestsOnPostgres(PostgresSite site) : SearchTests(site);
