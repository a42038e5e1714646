using Gazette.Caching;

namespace Gazette.Comments;

/// <summary>
/// A fresh comment-form token for one story. Story pages are served from the output cache, so the token rendered in
/// a cached form is the same for every reader, and single-use: the form's script swaps in one of these when the
/// reader starts writing. Without scripts the rendered token still works for the first reader; a later one is told
/// the form was used and gets it back, text kept, with a token of their own.
/// </summary>
public static class CommentTokenEndpoint
{
    public static IEndpointRouteBuilder MapCommentTokens(this IEndpointRouteBuilder app)
    {
        app.MapGet(Site.Addresses.Templates.CommentToken, (int? article, HttpContext context, CommentFormTokens tokens) =>
        {
            context.Response.Headers.CacheControl = PageLifetimes.NoStore;
            return article is > 0 ? Results.Text(tokens.Issue(article.Value)) : Results.BadRequest();
        }).ExcludeFromDescription();
        return app;
    }
}
