using System.Net;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;
using Gazette.Text;

namespace Gazette.Tests.Admin;

public abstract class SectionsAndTagsTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task An_editor_creates_renames_and_deletes_a_section_and_its_stories_stay()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var name = "Desk " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/admin/sections?handler=Create", new() { ["name"] = name }, formPath: "/admin/sections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync($"/section/{Slugs.Create(name)}", TestContext.Current.CancellationToken)).StatusCode);
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Story in a section"), section: name);
        var sectionId = story.SectionId!.Value;

        var renamed = name + " renamed";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/admin/sections?handler=Rename&id={sectionId}", new() { ["name"] = renamed, ["slug"] = "" }, formPath: "/admin/sections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync($"/section/{Slugs.Create(renamed)}", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/admin/sections?handler=Delete&id={sectionId}", [], formPath: "/admin/sections")).StatusCode);
        var kept = await Site.LoadArticleAsync(story.Id);
        Assert.Null(kept.SectionId);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync($"/section/{Slugs.Create(renamed)}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Arabic_section_and_tag_names_get_readable_latin_addresses()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var sectionName = $"الاقتصاد {suffix}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/admin/sections?handler=Create", new() { ["name"] = sectionName }, formPath: "/admin/sections")).StatusCode);
        var section = await Reader.GetDocumentAsync($"/section/alaqtsad-{suffix}");
        Assert.Equal(sectionName, section.QuerySelector("h1")!.TextContent.Trim());

        var tagName = $"الميناء {suffix}";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/admin/tags?handler=Create", new() { ["name"] = tagName }, formPath: "/admin/tags")).StatusCode);
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("ميناء جديد"), a => a.Language = "ar", tags: [tagName]);
        Assert.Equal($"almyna-{suffix}", Assert.Single(story.Tags).Slug);
        var tag = await Reader.GetDocumentAsync($"/tag/almyna-{suffix}");
        Assert.Contains(story.Headline, tag.Body!.TextContent);
        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        Assert.Equal($"/tag/almyna-{suffix}", page.QuerySelector("a[rel=tag]")!.GetAttribute("href"));

        // Tags typed in the story form keep Arabic names instead of dropping them for want of a slug.
        Assert.Equal(["الميناء", "Port"], Gazette.Tags.TagNames.Split("الميناء, Port"));
    }

    [Fact]
    public async Task A_tag_in_a_script_slugs_cannot_spell_is_created_and_is_the_one_stories_get()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        // Unique per run and Han only: a Latin suffix would give the name a Latin address.
        var tagName = "港口" + string.Concat(Guid.NewGuid().ToByteArray().Take(4).Select(b => (char)(0x4E00 + b * 37)));

        var created = await editor.PostFormAsync("/admin/tags?handler=Create", new() { ["name"] = tagName }, formPath: "/admin/tags");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var slug = Gazette.Tags.TagNames.SlugOf(tagName);
        Assert.StartsWith("tag-", slug);
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("新港口"), a => a.Language = "zh", tags: [tagName]);
        Assert.Equal(slug, Assert.Single(story.Tags).Slug);
        var tagPage = await Reader.GetDocumentAsync($"/tag/{slug}");
        Assert.Equal("#" + tagName, tagPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(story.Headline, tagPage.Body!.TextContent);
        // The same name again is the same address, refused as taken; punctuation alone is no name.
        var again = await editor.PostFormAsync("/admin/tags?handler=Create", new() { ["name"] = tagName }, formPath: "/admin/tags");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(slug, await again.BodyAsync());
        var punctuation = await editor.PostFormAsync("/admin/tags?handler=Create", new() { ["name"] = "!!!" }, formPath: "/admin/tags");
        Assert.Equal(HttpStatusCode.OK, punctuation.StatusCode);
    }

    [Fact]
    public async Task A_section_needs_a_name_and_a_free_address()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);

        var response = await editor.PostFormAsync("/admin/sections?handler=Create", new() { ["name"] = "  " }, formPath: "/admin/sections");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A section needs a name", await response.BodyAsync());
    }

    [Fact]
    public async Task Merging_a_tag_moves_its_stories_to_the_other_tag()
    {
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Tagged twice"), tags: [$"Ferries {suffix}", $"Ferry {suffix}"]);
        var other = await Site.CreateAsync(TestArticles.UniqueHeadline("Tagged once"), tags: [$"Ferry {suffix}"]);
        var source = story.Tags.Single(t => t.Name == $"Ferry {suffix}");

        var response = await editor.PostFormAsync($"/admin/tags?handler=Merge&id={source.Id}", new() { ["into"] = $"Ferries {suffix}" }, formPath: "/admin/tags");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([$"Ferries {suffix}"], (await Site.LoadArticleAsync(story.Id)).Tags.Select(t => t.Name));
        Assert.Equal([$"Ferries {suffix}"], (await Site.LoadArticleAsync(other.Id)).Tags.Select(t => t.Name));
    }

    [Fact]
    public async Task The_read_also_lookup_finds_stories_by_headline()
    {
        var (contributor, _) = await Site.SignedInAsAsync(Roles.Contributor);
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Lighthouse keeper retires"));

        var json = await contributor.GetStringAsync("/admin/api/stories?q=" + Uri.EscapeDataString(story.Headline[^8..].ToUpperInvariant()), TestContext.Current.CancellationToken);

        Assert.Contains($"\"id\":{story.Id}", json);
        Assert.Contains(story.Headline, json);
    }
}

public sealed class SectionsAndTagsTestsOnSqlite(SqliteSite site) : SectionsAndTagsTests(site);

public sealed class SectionsAndTagsTestsOnPostgres(PostgresSite site) : SectionsAndTagsTests(site);
