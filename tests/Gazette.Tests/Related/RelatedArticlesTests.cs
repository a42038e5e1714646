using System.Net;

using AngleSharp.Html.Dom;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Tests.Admin;
using Gazette.Tests.Infrastructure;
using Gazette.Tests.Search;

namespace Gazette.Tests.Related;

public abstract class RelatedArticlesTests(GazetteSite site) : SiteTest(site)
{
    /// <summary>
    /// Made-up words no other story has, so the likeness between the test's stories is theirs alone. Consonants only,
    /// ending in "k": no language's stemmer cuts such a word, so an English and a French story analyse it alike (a
    /// random word ending in "s" or "e" was stemmed in one language and not the other, one run in a few).
    /// </summary>
    private static string[] Words(int count) => Enumerable.Range(0, count)
        .Select(_ => "q" + string.Concat(Guid.NewGuid().ToByteArray().Take(8).Select(b => Consonants[b % Consonants.Length])) + "k").ToArray();

    private const string Consonants = "bcdfghjklmnpqtvwz";

    private static string Body(string[] words, string extra = "") =>
        $"The council discussed {string.Join(" and ", words)} at length. {extra}\n\nLater {string.Join(", ", words.Reverse())} came up again.";

    private Task<Article> ArticleAsync(string headline, string body, string language = "en", string[]? tags = null, Action<Article>? configure = null) =>
        Site.CreateAsync(TestArticles.UniqueHeadline(headline), article =>
        {
            article.Language = language;
            article.BodyMarkdown = body;
            configure?.Invoke(article);
        }, tags: tags);

    private static int[] RelatedIds(IHtmlDocument page) =>
        page.QuerySelectorAll(".related a[data-story-id]").Select(a => int.Parse(a.GetAttribute("data-story-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private async Task<int[]> RelatedUntilAsync(Article story, Func<int[], bool> done)
    {
        var path = await Site.PathOfAsync(story);
        return RelatedIds(await SearchWait.UntilAsync(Reader, path, page => done(RelatedIds(page))));
    }

    [Fact]
    public async Task Similar_stories_in_the_same_language_come_first_under_a_label_in_the_story_language()
    {
        var words = Words(4);
        var tag = $"Tag {words[0]}";
        // Only made-up words, standfirst included: no other story shares a word with these, so the French one is not
        // crowded out by English stories that share the tests' default standfirst.
        void OwnStandfirst(Article a) => a.Standfirst = string.Join(' ', words);
        var story = await ArticleAsync(words[0], string.Join(' ', words), tags: [tag], configure: OwnStandfirst);
        var english = await ArticleAsync(words[1], string.Join(' ', words.Reverse()), configure: OwnStandfirst);
        var french = await ArticleAsync(words[2], string.Join(" ", words) + " port", "fr", tags: [tag], configure: OwnStandfirst);

        var related = await RelatedUntilAsync(story, ids => ids.Contains(english.Id) && ids.Contains(french.Id));

        Assert.Contains(english.Id, related);
        Assert.Contains(french.Id, related);
        Assert.True(Array.IndexOf(related, english.Id) < Array.IndexOf(related, french.Id));
        Assert.DoesNotContain(story.Id, related);
        Assert.InRange(related.Length, 3, 5);
        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        Assert.Equal("Read also", page.QuerySelector(".related h2")!.TextContent.Trim());
        var frenchPage = await SearchWait.UntilAsync(Reader, await Site.PathOfAsync(french), p => RelatedIds(p).Length > 0);
        Assert.Equal("Lire aussi", frenchPage.QuerySelector(".related h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task Copies_and_stories_readers_cannot_see_are_never_shown()
    {
        var words = Words(4);
        var body = Body(words);
        var story = await ArticleAsync("Bridge closure", body);
        var copy = await ArticleAsync("Bridge closure again", body);
        var sameHeadline = await ArticleAsync("Bridge", Body(words, "Different text."), configure: a => a.Headline = story.Headline.ToUpperInvariant() + "!");
        var draft = await ArticleAsync("Bridge draft", body, configure: a => a.Status = ArticleStatus.Draft);
        var scheduled = await ArticleAsync("Bridge tomorrow", Body(words, "Scheduled."), configure: a =>
        {
            a.Status = ArticleStatus.Scheduled;
            a.PublishedAt = DateTime.UtcNow.AddDays(1);
        });
        var similar = await ArticleAsync("Bridge reopening", Body(words, "The bridge reopens."));

        var related = await RelatedUntilAsync(story, ids => ids.Contains(similar.Id));

        Assert.Contains(similar.Id, related);
        Assert.DoesNotContain(copy.Id, related);
        Assert.DoesNotContain(draft.Id, related);
        Assert.DoesNotContain(scheduled.Id, related);
        Assert.DoesNotContain(sameHeadline.Id, related);
    }

    [Fact]
    public async Task A_new_story_joins_the_list_of_an_older_story_whose_page_is_already_cached()
    {
        var words = Words(4);
        var story = await ArticleAsync("Ferry timetable", Body(words));
        var first = await ArticleAsync("Ferry timetable changes", Body(words, "Changes."));
        // The older story's page is rendered and cached with the list the index gives now.
        var before = await RelatedUntilAsync(story, ids => ids.Contains(first.Id));
        var later = await ArticleAsync("Ferry timetable restored", Body(words, "Restored."));
        Assert.DoesNotContain(later.Id, before);

        // Nothing about the older story changed, yet its cached page must not keep its old list for the cache's hour.
        var after = await RelatedUntilAsync(story, ids => ids.Contains(later.Id));
        Assert.Contains(later.Id, after);
    }

    [Fact]
    public async Task Editors_pin_stories_in_order_and_exclude_others_with_the_form()
    {
        var words = Words(4);
        var story = await ArticleAsync("Stadium vote", Body(words));
        var similar = await ArticleAsync("Stadium vote delayed", Body(words, "Delayed."));
        var excluded = await ArticleAsync("Stadium vote cost", Body(words, "The cost."));
        var firstPin = await ArticleAsync("Unrelated first", "Nothing in common at all.");
        var secondPin = await ArticleAsync("Unrelated second", "Nothing in common either.");
        var unpublishedPin = await ArticleAsync("Unrelated draft", "A draft.", configure: a => a.Status = ArticleStatus.Draft);
        await RelatedUntilAsync(story, ids => ids.Contains(similar.Id) && ids.Contains(excluded.Id));

        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var fields = await editor.ReadArticleFormAsync(story.Id);
        var secondPinPath = await Site.PathOfAsync(secondPin);
        fields["Form.RelatedPinned"] = $"{secondPinPath}\n{unpublishedPin.Id}\n{firstPin.Slug}";
        fields["Form.RelatedExcluded"] = $"{excluded.Id} · whatever headline";
        var saved = await editor.PostArticleAsync(story.Id, fields, "publish");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var related = await RelatedUntilAsync(story, ids => ids.FirstOrDefault() == secondPin.Id);
        Assert.Equal([secondPin.Id, firstPin.Id], related.Take(2));
        Assert.DoesNotContain(unpublishedPin.Id, related);
        Assert.DoesNotContain(excluded.Id, related);
        Assert.Contains(similar.Id, related);

        var shown = await editor.ReadArticleFormAsync(story.Id);
        Assert.StartsWith($"{secondPin.Id} · ", shown["Form.RelatedPinned"]);
        Assert.StartsWith($"{excluded.Id} · ", shown["Form.RelatedExcluded"]);
    }

    [Fact]
    public async Task A_reference_to_no_story_is_refused_and_the_text_is_kept()
    {
        var story = await ArticleAsync("Lonely story", "Its own words.");
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var fields = await editor.ReadArticleFormAsync(story.Id);
        fields["Form.Headline"] = "Changed but unsaved headline";
        fields["Form.RelatedPinned"] = "no-such-story-slug-anywhere";

        var response = await editor.PostArticleAsync(story.Id, fields, "save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.BodyAsync();
        Assert.Contains("No story matches", html);
        Assert.Contains("Changed but unsaved headline", html);
    }

    [Fact]
    public async Task The_list_follows_a_change_to_a_related_story()
    {
        var words = Words(4);
        var story = await ArticleAsync("Library hours", Body(words));
        var similar = await ArticleAsync("Library hours cut", Body(words, "Cut."));
        await RelatedUntilAsync(story, ids => ids.Contains(similar.Id));

        await Site.EditAsync(similar.Id, a => a.Status = ArticleStatus.Unpublished);

        var related = await RelatedUntilAsync(story, ids => !ids.Contains(similar.Id));
        Assert.DoesNotContain(similar.Id, related);
    }
}

public sealed class RelatedArticlesTestsOnSqlite(SqliteSite site) : RelatedArticlesTests(site);

public sealed class RelatedArticlesTestsOnPostgres(PostgresSite site) : RelatedArticlesTests(site);
