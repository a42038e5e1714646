using Gazette.Articles;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Tests.Comments;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Localization;

/// <summary>A story page speaks its story's language, and an Arabic one reads from right to left.</summary>
public abstract class InterfaceLanguageTests(GazetteSite site) : SiteTest(site)
{
    private static readonly DateTime JuneMorning = new(2023, 6, 15, 9, 48, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_arabic_demo_story_is_a_right_to_left_page_in_arabic()
    {
        var story = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles.AsNoTracking()
            .SingleAsync(a => a.Language == "ar" && a.Slug == "port-aurel-arabic-storytelling-evenings", TestContext.Current.CancellationToken));

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));

        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("شارك", page.QuerySelector(".share h2")!.TextContent.Trim());
        Assert.Contains("بقلم", page.QuerySelector(".byline")!.TextContent);
        // The site's own description is in the site's language, left to right inside the Arabic page.
        var footer = page.QuerySelector(".site-footer p")!;
        Assert.NotEqual("ar", footer.GetAttribute("lang") ?? "ar");
        Assert.Equal("ltr", footer.GetAttribute("dir"));
        var text = page.Body!.TextContent;
        foreach (var english in new[] { "Share", "Published", "Comments", "Skip to content", "Search the site" })
            Assert.DoesNotContain(english, text);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("ar")]
    public async Task A_story_page_shows_the_labels_and_direction_of_its_language(string language)
    {
        var t = Labels.For(language);
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline($"Interface test {language}"), a =>
        {
            a.Language = language;
            a.PublishedAt = JuneMorning;
        }, authors: ["Ann Writer", "Sami Haddad"]);

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(article));

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(language == "ar" ? "rtl" : "ltr", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal(t["Share"], page.QuerySelector(".share h2")!.TextContent.Trim());
        Assert.Equal(t["SkipToContent"], page.QuerySelector(".skip-link")!.TextContent.Trim());
        Assert.StartsWith(t["By"], page.QuerySelector(".byline")!.TextContent.Trim());
        Assert.Contains(t["Published"], page.QuerySelector(".dateline")!.TextContent);
        Assert.Equal(ArticleDates.DateAndTime(JuneMorning, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), t),
            page.QuerySelector(".dateline time")!.TextContent.Trim());
        Assert.StartsWith(t["Comments"], page.QuerySelector("#comments-title")!.TextContent.Trim());
        if (language != "en")
        {
            foreach (var english in new[] { "Share", "Skip to content", "Published" })
                Assert.DoesNotContain(english, page.Body!.TextContent);
        }
    }

    [Fact]
    public async Task Arabic_comment_counts_take_the_arabic_plural_and_names_are_isolated()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Arabic comments"), a => a.Language = "ar");
        var first = await Site.AddApprovedAsync(article.Id, CommentForms.UniqueEmail(), "تعليق أول");
        await Site.AddApprovedAsync(article.Id, CommentForms.UniqueEmail(), "تعليق ثان", parentId: first.Id);

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(article));

        Assert.Equal("(تعليقان)", page.QuerySelector(".comment-count")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll(".comment-author"), author => Assert.Equal("BDI", author.TagName));
        Assert.All(page.QuerySelectorAll(".comment-text"), text => Assert.Equal("auto", text.GetAttribute("dir")));
    }

    [Fact]
    public async Task An_arabic_story_listed_on_a_page_of_another_language_keeps_its_own_language_and_direction()
    {
        var section = $"RTL list {Guid.NewGuid():N}"[..16];
        var arabic = await Site.CreateAsync(TestArticles.UniqueHeadline("قصة بالعربية"), a => a.Language = "ar", section: section);
        var english = await Site.CreateAsync(TestArticles.UniqueHeadline("English story"), a => a.Language = "en", section: section);

        var page = await Reader.GetDocumentAsync($"/section/{Gazette.Text.Slugs.Create(section)}");
        var pageDirection = page.DocumentElement.GetAttribute("dir");
        Assert.Equal("ltr", pageDirection);

        var card = page.QuerySelectorAll("article.card").Single(c => c.TextContent.Contains(arabic.Headline, StringComparison.Ordinal));
        Assert.Equal("ar", card.GetAttribute("lang"));
        Assert.Equal("rtl", card.GetAttribute("dir"));
        var englishCard = page.QuerySelectorAll("article.card").Single(c => c.TextContent.Contains(english.Headline, StringComparison.Ordinal));
        Assert.NotEqual("rtl", englishCard.GetAttribute("dir"));
    }
}

public sealed class InterfaceLanguageTestsOnSqlite(SqliteSite site) : InterfaceLanguageTests(site);

public sealed class InterfaceLanguageTestsOnPostgres(PostgresSite site) : InterfaceLanguageTests(site);
