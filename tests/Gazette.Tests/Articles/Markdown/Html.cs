using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gazette.Tests.Articles.Markdown;

internal static class Html
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The body element of <paramref name="fragment"/> parsed as a browser would.</summary>
    public static IElement Parse(string fragment) => Parser.ParseDocument($"<!doctype html><html><body>{fragment}</body></html>").Body!;
}
