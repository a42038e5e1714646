using Ganss.Xss;

using Markdig;

namespace Gazette.Articles.Markdown;

/// <summary>Renders a story's Markdown body to the sanitized HTML stored beside it.</summary>
public sealed class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private readonly HtmlSanitizer sanitizer = new();

    public Task<string> RenderAsync(string markdown, CancellationToken cancellationToken = default)
    {
        var html = Markdig.Markdown.ToHtml(markdown ?? "", Pipeline);
        return Task.FromResult(sanitizer.Sanitize(html));
    }
}
