using System.Net;
using System.Text.RegularExpressions;

using Gazette.Comments;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Comments;

/// <summary>Posts comments as a reader's browser would, with tokens from the running site.</summary>
public static partial class CommentForms
{
    public static string UniqueEmail() => $"reader-{Guid.NewGuid().ToString("N")[..10]}@example.org";

    /// <summary>A token as if the form had been shown <paramref name="secondsAgo"/> seconds ago (the filter holds hasty posts).</summary>
    public static Task<string> TokenAsync(this GazetteSite site, int articleId, int secondsAgo = 30) =>
        site.WithScopeAsync(services => Task.FromResult(
            services.GetRequiredService<CommentFormTokens>().Issue(articleId, DateTime.UtcNow.AddSeconds(-secondsAgo))));

    public static Dictionary<string, string> Fields(int articleId, string token, string email, string text = "A thoughtful remark about the story, with nothing to sell.",
        string name = "Ada Reader") => new()
        {
            ["Form.ArticleId"] = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Token"] = token,
            ["Form.Name"] = name,
            ["Form.Email"] = email,
            ["Form.Text"] = text,
            ["Form.Consent"] = "true",
            ["Form.Extra"] = "",
        };

    public static Task<HttpResponseMessage> PostCommentAsync(this HttpClient client, Dictionary<string, string> fields, string lang = "en") =>
        client.PostAsync($"/comments/post?lang={lang}", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    public static Task<List<Comment>> CommentsOnAsync(this GazetteSite site, int articleId) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId).OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>Marks <paramref name="email"/> as a known commenter: one approved comment on <paramref name="articleId"/>.</summary>
    public static Task<Comment> AddApprovedAsync(this GazetteSite site, int articleId, string email, string text = "An earlier approved comment.",
        int? parentId = null) =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var comment = new Comment
            {
                ArticleId = articleId,
                ParentId = parentId,
                AuthorName = "Known Reader",
                Email = email,
                Text = text,
                Status = CommentStatus.Approved,
                CreatedAt = DateTime.UtcNow,
                ApprovedAt = DateTime.UtcNow,
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return comment;
        });

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static string TokenIn(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "no comment form token in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"Form.Token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
