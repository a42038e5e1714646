using Gazette.Data;

using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles.Markdown;

/// <summary>Something in a body that renders but that a reader would miss: the editor shows it to the journalist.</summary>
/// <param name="Line">1-based line of the Markdown source.</param>
public sealed record MarkdownWarning(int Line, string Message);

public sealed record MarkdownRendering(string Html, IReadOnlyList<MarkdownWarning> Warnings);

/// <summary>
/// Renders a story's Markdown body to the sanitized HTML stored beside it: CommonMark plus tables, footnotes,
/// strikethrough, autolinks, our <c>::: figure</c> and <c>[[read-also: …]]</c> blocks; headings shifted one level
/// down (the page's h1 is the headline); raw HTML allowed but sanitized.
/// </summary>
/// <remarks>
/// A singleton: the pipeline and sanitizer are built once. Read-also blocks that name a story by slug are resolved to
/// its id at save time, so that renaming the story later does not break them; that lookup runs in a short scope of
/// its own rather than making this class scoped. A slug that names no story (yet) stays a slug and
/// <see cref="ReadAlsoBlocks"/> looks it up when the page is served.
/// </remarks>
public sealed class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseCustomContainers()
        .Use<ArticleMarkdownExtension>()
        .Build();

    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = BodySanitizer.Create();

    private readonly IServiceScopeFactory? scopes;

    /// <summary>Without a database: read-also blocks keep the slug they were given.</summary>
    public ArticleMarkdown()
    {
    }

    public ArticleMarkdown(IServiceScopeFactory scopes) => this.scopes = scopes;

    public async Task<string> RenderAsync(string markdown, CancellationToken cancellationToken = default) =>
        (await RenderWithWarningsAsync(markdown, null, cancellationToken)).Html;

    public async Task<string> RenderAsync(string markdown, string? language, CancellationToken cancellationToken = default) =>
        (await RenderWithWarningsAsync(markdown, language, cancellationToken)).Html;

    /// <param name="language">The story's language: a slug used by stories in several languages means the story in this one.</param>
    public async Task<MarkdownRendering> RenderWithWarningsAsync(string markdown, string? language, CancellationToken cancellationToken = default)
    {
        var (document, warnings) = Parse(markdown);
        if (scopes is not null)
        {
            await ResolveReadAlsoTargetsAsync(document, language, warnings, cancellationToken);
            await ResolveFigureMediaAsync(document, cancellationToken);
        }
        return new MarkdownRendering(ToHtml(document), [.. warnings.OrderBy(w => w.Line)]);
    }

    /// <summary>Renders without looking anything up (read-also slugs stay slugs): previews and tests.</summary>
    public static MarkdownRendering Render(string markdown)
    {
        var (document, warnings) = Parse(markdown);
        return new MarkdownRendering(ToHtml(document), [.. warnings.OrderBy(w => w.Line)]);
    }

    private static (MarkdownDocument Document, List<MarkdownWarning> Warnings) Parse(string? markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        var warnings = new List<MarkdownWarning>();
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(heading.Level + 1, 6);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            if (string.IsNullOrWhiteSpace(FigureTransform.PlainText(image)))
                warnings.Add(new(image.Line + 1, $"The image {image.Url} has no alternative text: describe it between the brackets of ![…] for readers who cannot see it."));
        }
        FigureTransform.Apply(document, warnings);
        return (document, warnings);
    }

    private static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>Attaches the library image to each figure that shows one, for the renderer's responsive markup.</summary>
    private async Task ResolveFigureMediaAsync(MarkdownDocument document, CancellationToken cancellationToken)
    {
        var figures = document.Descendants<FigureBlock>().Where(f => f.LibraryKey is not null).ToList();
        if (figures.Count == 0)
            return;
        var keys = figures.Select(f => f.LibraryKey!).Distinct().ToList();
        await using var scope = scopes!.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<GazetteDb>().MediaItems.AsNoTracking()
            .Where(m => keys.Contains(m.StorageKey))
            .ToDictionaryAsync(m => m.StorageKey, cancellationToken);
        foreach (var figure in figures)
            figure.Media = items.GetValueOrDefault(figure.LibraryKey!);
    }

    private async Task ResolveReadAlsoTargetsAsync(MarkdownDocument document, string? language, List<MarkdownWarning> warnings, CancellationToken cancellationToken)
    {
        var blocks = document.Descendants<ReadAlsoBlock>().ToList();
        if (blocks.Count == 0)
            return;
        var ids = blocks.Where(b => b.ArticleId is not null).Select(b => b.ArticleId!.Value).Distinct().ToList();
        var slugs = blocks.Where(b => b.ArticleId is null && !string.IsNullOrEmpty(b.Slug)).Select(b => b.Slug!).Distinct().ToList();
        await using var scope = scopes!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var found = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id) || slugs.Contains(a.Slug))
            .Select(a => new { a.Id, a.Slug, a.Language })
            .ToListAsync(cancellationToken);
        foreach (var block in blocks)
        {
            if (block.ArticleId is { } id)
            {
                if (!found.Any(a => a.Id == id))
                    warnings.Add(new(block.Line + 1, $"No story has the id {id}: this read-also block will not show."));
                continue;
            }
            var named = found.Where(a => a.Slug == block.Slug).ToList();
            var target = named.Count == 1 ? named[0]
                : named.FirstOrDefault(a => string.Equals(a.Language, language, StringComparison.OrdinalIgnoreCase));
            if (target is not null)
                block.ArticleId = target.Id;
            else if (named.Count == 0)
                warnings.Add(new(block.Line + 1, $"No story is called '{block.Reference}' yet: this read-also block shows once one is published."));
        }
    }
}

/// <summary>Registers the read-also parser and the renderers of our two blocks in a Markdig pipeline.</summary>
public sealed class ArticleMarkdownExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<ReadAlsoParser>())
            pipeline.BlockParsers.InsertBefore<ParagraphBlockParser>(new ReadAlsoParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready<FigureRenderer>();
            html.ObjectRenderers.AddIfNotAlready<ReadAlsoRenderer>();
        }
    }
}
