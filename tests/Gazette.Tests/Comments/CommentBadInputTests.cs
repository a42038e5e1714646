using System.Net;

using Gazette.Articles;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Comments;

/// <summary>Each bad post gets a clear message in the story's language, never a 500, and stores nothing.</summary>
public abstract class CommentBadInputTests(GazetteSite site) : SiteTest(site)
{
    private async Task<Article> ArticleAsync(string language = "en", Action<Article>? configure = null) =>
        await Site.CreateAsync(TestArticles.UniqueHeadline("Bad input story"), article =>
        {
            article.Language = language;
            configure?.Invoke(article);
        });

    private async Task<string> RefusedAsync(Article story, Dictionary<string, string> fields, HttpStatusCode expected, string lang = "en")
    {
        var response = await Reader.PostCommentAsync(fields, lang);
        var body = await response.BodyAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(1500, body.Length)]}");
        Assert.Empty(await Site.CommentsOnAsync(story.Id));
        return body;
    }

    private async Task<Dictionary<string, string>> FieldsAsync(Article story, string? text = null, string name = "Ada Reader", string? email = null) =>
        CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), email ?? CommentForms.UniqueEmail(),
            text ?? "A thoughtful remark about the story.", name);

    [Theory]
    [InlineData("Form.Text", "", "Please write your comment.")]
    [InlineData("Form.Text", "   \n  ", "Please write your comment.")]
    [InlineData("Form.Name", "", "Please enter your name.")]
    [InlineData("Form.Email", "", "Please enter a valid e-mail address")]
    [InlineData("Form.Email", "not-an-address", "Please enter a valid e-mail address")]
    [InlineData("Form.Email", "Someone <a@example.org>", "Please enter a valid e-mail address")]
    [InlineData("Form.Email", "a@localhost", "Please enter a valid e-mail address")]
    [InlineData("Form.Website", "javascript:alert(1)", "A website address starts with http")]
    [InlineData("Form.Consent", "false", "Please tick the box")]
    public async Task Empty_or_invalid_fields_are_refused_with_the_reason_and_the_text_kept(string field, string value, string message)
    {
        var story = await ArticleAsync();
        var fields = await FieldsAsync(story);
        fields[field] = value;
        var body = await RefusedAsync(story, fields, HttpStatusCode.BadRequest);
        Assert.Contains(message, body);
        if (field != "Form.Text")
            Assert.Contains("A thoughtful remark about the story.", body);
    }

    [Fact]
    public async Task Oversized_text_and_name_are_refused()
    {
        var story = await ArticleAsync();
        var body = await RefusedAsync(story, await FieldsAsync(story, text: new string('a', 5001)), HttpStatusCode.BadRequest);
        Assert.Contains("A comment has at most 5,000 characters.", body);
        body = await RefusedAsync(story, await FieldsAsync(story, name: new string('n', 101)), HttpStatusCode.BadRequest);
        Assert.Contains("A name has at most 100 characters.", body);
    }

    [Fact]
    public async Task Messages_follow_the_story_language()
    {
        var story = await ArticleAsync("fr");
        var fields = await FieldsAsync(story);
        fields["Form.Email"] = "pas une adresse";
        var body = await RefusedAsync(story, fields, HttpStatusCode.BadRequest, "fr");
        Assert.Contains("Indiquez une adresse e-mail valide", body);
        Assert.Contains("<html lang=\"fr\"", body);
    }

    [Fact]
    public async Task Bidi_overrides_and_zero_width_characters_are_stripped_from_names_and_a_name_made_of_them_is_refused()
    {
        var story = await ArticleAsync();
        var only = await FieldsAsync(story, name: "\u202E\u200B\u2066\u200D\uFEFF");
        Assert.Contains("Please enter your name.", await RefusedAsync(story, only, HttpStatusCode.BadRequest));

        var response = await Reader.PostCommentAsync(await FieldsAsync(story, name: "Ad\u200Ba \u202Egnp.exe\u202C Reader"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var comment = Assert.Single(await Site.CommentsOnAsync(story.Id));
        Assert.Equal("Ada gnp.exe Reader", comment.AuthorName);
    }

    [Fact]
    public async Task Html_and_script_in_the_name_are_kept_as_text_and_rendered_inert()
    {
        var story = await ArticleAsync();
        var email = CommentForms.UniqueEmail();
        await Site.AddApprovedAsync(story.Id, email);
        var fields = await FieldsAsync(story, name: "<script>alert(1)</script>", email: email, text: "Interesting piece about the <i>harbour</i> works.");
        fields["Form.Website"] = "https://example.org/\"><script>alert(2)</script>";
        var refused = await Reader.PostCommentAsync(fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("<script>alert", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        fields = await FieldsAsync(story, name: "<script>alert(1)</script>", email: email, text: "Interesting piece about the <i>harbour</i> works.");
        Assert.Equal(HttpStatusCode.Redirect, (await Reader.PostCommentAsync(fields)).StatusCode);
        var html = await Reader.GetStringAsync(await Site.PathOfAsync(story), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<i>harbour</i>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task A_reply_to_a_comment_of_another_story_is_refused()
    {
        var story = await ArticleAsync();
        var other = await ArticleAsync();
        var elsewhere = await Site.AddApprovedAsync(other.Id, CommentForms.UniqueEmail());
        var fields = await FieldsAsync(story);
        fields["Form.ParentId"] = elsewhere.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("is not part of this story", await RefusedAsync(story, fields, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_closed_story_shows_no_form_and_refuses_posts()
    {
        var story = await ArticleAsync(configure: article => article.CommentsOpen = false);
        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        Assert.Null(page.QuerySelector("form#comment-form"));
        Assert.Contains("Comments are closed on this story.", page.QuerySelector("#comments")!.TextContent);
        Assert.Contains("Comments are closed on this story.", await RefusedAsync(story, await FieldsAsync(story), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task An_unpublished_story_refuses_posts()
    {
        var story = await ArticleAsync(configure: article => article.Status = ArticleStatus.Draft);
        Assert.Contains("cannot be found", await RefusedAsync(story, await FieldsAsync(story), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Forged_altered_or_other_story_tokens_are_refused()
    {
        var story = await ArticleAsync();
        var other = await ArticleAsync();
        foreach (var token in new[] { "", "forged-token", (await Site.TokenAsync(story.Id))[..^4] + "AAAA", await Site.TokenAsync(other.Id) })
        {
            var fields = await FieldsAsync(story);
            fields["Form.Token"] = token;
            var body = await RefusedAsync(story, fields, HttpStatusCode.BadRequest);
            Assert.Contains("This form has expired or did not come from this site.", body);
            Assert.Contains("A thoughtful remark about the story.", body);
        }
    }

    [Fact]
    public async Task A_replayed_token_is_refused()
    {
        var story = await ArticleAsync();
        var fields = await FieldsAsync(story);
        Assert.Equal(HttpStatusCode.Redirect, (await Reader.PostCommentAsync(fields)).StatusCode);
        fields["Form.Text"] = "The same form sent again with other words.";
        var response = await Reader.PostCommentAsync(fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has already been sent once.", await response.BodyAsync());
        Assert.Single(await Site.CommentsOnAsync(story.Id));
    }
}

public sealed class CommentBadInputTestsOnSqlite(SqliteSite site) : CommentBadInputTests(site);

public sealed class CommentBadInputTestsOnPostgres(PostgresSite site) : CommentBadInputTests(site);
