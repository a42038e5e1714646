using System.Net;
using System.Text.RegularExpressions;

using Gazette.Articles;
using Gazette.Data;
using Gazette.Demo;
using Gazette.Site;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Demo;

/// <summary>What the first run of an empty site shows: the demo stories, as the shared test sites seeded them.</summary>
public abstract partial class DemoContentTests(GazetteSite site) : SiteTest(site)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "à", "a", "au", "aux", "en", "dans",
        "sur", "pour", "par", "avec", "sans", "ses", "son", "sa", "ce", "cette", "ces", "qui", "que", "quoi", "est",
        "sont", "il", "elle", "ils", "nous", "vous", "ne", "pas", "plus", "pourrait", "après", "avant",
        "the", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "is", "are", "was",
        "it", "its", "this", "that", "as", "be", "has", "have", "after", "before", "their", "his", "her",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_site_has_a_dozen_public_stories_in_french_and_english_and_one_in_arabic_across_three_sections_by_two_authors()
    {
        var stories = await DemoArticlesAsync();
        var now = DateTime.UtcNow;
        var published = stories.Where(a => a.IsPublic(now)).ToList();

        Assert.True(published.Count >= 12, $"{published.Count} public demo stories");
        Assert.Equal(["ar", "en", "fr"], published.Select(a => a.Language).Distinct().Order());
        Assert.Single(published, a => a.Language == "ar");
        Assert.Equal(3, published.Select(a => a.Section!.Slug).Distinct().Count());
        Assert.Equal(2, published.SelectMany(a => a.Authors).Select(aa => aa.Author.Slug).Distinct().Count());
        Assert.Contains(published, a => a.Authors.Count == 2);
        Assert.Contains(published, a => a.SecondHeadline is not null);
        Assert.All(published, a => Assert.InRange(a.PublishedAt!.Value, now.AddDays(-11), now));
    }

    [Fact]
    public async Task Only_the_story_written_as_edited_shows_an_update_and_the_scheduled_one_stays_hidden()
    {
        var stories = await DemoArticlesAsync();
        var now = DateTime.UtcNow;

        var edited = Assert.Single(stories, a => a.IsPublic(now) && a.UpdatedAt > a.PublishedAt!.Value.AddMinutes(1));
        Assert.Equal(DemoContent.Stories().Single(s => s.Updated is not null).Slug, edited.Slug);

        var scheduled = Assert.Single(stories, a => a.Status == ArticleStatus.Scheduled);
        Assert.True(scheduled.PublishedAt > now);
        var path = await Site.WithScopeAsync(async services =>
            Addresses.Story(scheduled, (await services.GetRequiredService<Gazette.Site.SiteContext>().GetAsync(Cancel)).TimeZone));
        var response = await Reader.GetAsync(path, Cancel);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_figure_has_alt_text_and_a_credit_and_every_demo_image_is_served()
    {
        var stories = await DemoArticlesAsync();
        var figures = stories.Select(a => a.FeaturedFigure).OfType<Gazette.Media.Figure>().ToList();
        Assert.True(figures.Count >= 6, $"{figures.Count} featured figures");
        Assert.All(figures, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.AltText));
            Assert.False(string.IsNullOrWhiteSpace(f.Credit));
            Assert.True(f.Width > 0 && f.Height > 0);
        });

        var inline = stories.SelectMany(a => InlineImage().Matches(a.BodyMarkdown).Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(inline);
        Assert.True(stories.Count(a => a.BodyMarkdown.Contains("::: figure", StringComparison.Ordinal)) >= 2);
        var authorPhotos = stories.SelectMany(a => a.Authors).Select(aa => aa.Author.PhotoUrl).OfType<string>();
        foreach (var url in figures.Select(f => f.ImageUrl).Concat(inline).Concat(authorPhotos).Distinct())
        {
            // Through the media library, as an upload would be (the shipped files under /media/demo/ are for `demo generate`).
            Assert.StartsWith(Gazette.Media.MediaFiles.LibraryUrlPrefix + "/", url, StringComparison.Ordinal);
            var response = await Reader.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Every_read_also_names_an_existing_demo_story_in_the_same_language()
    {
        var stories = await DemoArticlesAsync();
        var links = stories
            .SelectMany(a => ReadAlso().Matches(a.BodyMarkdown).Select(m => (a.Language, Slug: m.Groups[1].Value)))
            .ToList();

        Assert.True(stories.Count(a => ReadAlso().IsMatch(a.BodyMarkdown)) >= 3);
        Assert.All(links, link => Assert.Contains(stories, a => a.Language == link.Language && a.Slug == link.Slug));
    }

    [Fact]
    public async Task Every_story_has_tags_that_are_keyphrases_not_stop_words()
    {
        // The Arabic story has none: tag slugs are Latin letters, and an Arabic tag name gives an empty slug.
        var stories = (await DemoArticlesAsync()).Where(a => a.Language != "ar").ToList();
        Assert.All(stories, a =>
        {
            Assert.InRange(a.Tags.Count, 3, 5);
            Assert.All(a.Tags, t => Assert.DoesNotContain(t.Name, StopWords));
            Assert.All(a.Tags, t => Assert.Equal(Gazette.Text.Slugs.Create(t.Name), t.Slug));
        });
        // Tags are shared across languages: the same place names tag French and English stories.
        Assert.Contains(stories.SelectMany(a => a.Tags).GroupBy(t => t.Id),
            g => stories.Where(a => a.Tags.Any(t => t.Id == g.Key)).Select(a => a.Language).Distinct().Count() == 2);
    }

    [Fact]
    public async Task Every_story_has_a_standfirst_and_at_least_four_paragraphs()
    {
        var stories = await DemoArticlesAsync();
        Assert.All(stories, a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Standfirst), a.Slug);
            var paragraphs = TextParagraphs(a.BodyMarkdown);
            Assert.True(paragraphs is >= 4 and <= 8, $"{a.Slug}: {paragraphs} paragraphs");
        });
    }

    /// <summary>Paragraphs of prose: blank-line separated blocks that are not a figure or a read-also block.</summary>
    private static int TextParagraphs(string markdown)
    {
        var count = 0;
        var inFigure = false;
        foreach (var block in markdown.ReplaceLineEndings("\n").Split("\n\n").Select(b => b.Trim()).Where(b => b.Length > 0))
        {
            if (block.StartsWith(":::", StringComparison.Ordinal))
                inFigure = !block.EndsWith("\n:::", StringComparison.Ordinal);
            else if (inFigure)
                inFigure = !block.EndsWith(":::", StringComparison.Ordinal);
            else if (!block.StartsWith("[[", StringComparison.Ordinal))
                count++;
        }
        return count;
    }

    private Task<List<Article>> DemoArticlesAsync() =>
        Site.WithScopeAsync(async services =>
        {
            var demo = DemoContent.Stories().Select(s => (s.Language, s.Slug)).ToHashSet();
            var slugs = demo.Select(d => d.Slug).ToList();
            var db = services.GetRequiredService<GazetteDb>();
            var candidates = await db.Articles.AsNoTracking()
                .Include(a => a.Section).Include(a => a.Tags).Include(a => a.Authors).ThenInclude(aa => aa.Author)
                .Where(a => slugs.Contains(a.Slug))
                .ToListAsync(Cancel);
            var found = candidates.Where(a => demo.Contains((a.Language, a.Slug))).ToList();
            Assert.Equal(demo.Count, found.Count);
            return found;
        });

    [GeneratedRegex(@"^\[\[read-also:\s*([^\]\s]+)\s*\]\]$", RegexOptions.Multiline)]
    private static partial Regex ReadAlso();

    [GeneratedRegex(@"!\[[^\]]*\]\((/media/[^)\s]+)\)")]
    private static partial Regex InlineImage();
}

public sealed class DemoContentTestsOnSqlite(SqliteSite site) : DemoContentTests(site);

public sealed class DemoContentTestsOnPostgres(PostgresSite site) : DemoContentTests(site);
