using System.Security.Cryptography;

using Gazette.Data;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Media;

/// <summary>An upload as the form gives it.</summary>
public sealed record MediaUpload(string FileName, long Length, Func<Stream> Open, string AltText, string? Caption, string? Credit, string? UserId);

/// <summary>What became of an upload: the stored item, or the image already in the library with the same bytes.</summary>
public sealed record UploadResult(MediaItem Item, bool AlreadyInLibrary);

/// <summary>
/// The media library's files and rows. A file is checked completely before anything is written; its variants go
/// to a folder named by the hash of the uploaded bytes, moved into place in one step, then the row is added.
/// </summary>
public sealed class MediaLibrary(GazetteDb db, SiteContext site, IOptions<GazetteOptions> options, TimeProvider clock)
{
    public const int MaxAltText = 1000;

    public string Folder => MediaFiles.LibraryDirectory(options.Value);

    /// <summary>Stores <paramref name="upload"/> or throws <see cref="ImageRejectedException"/> saying why not.</summary>
    public async Task<UploadResult> UploadAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        var limit = await LimitBytesAsync(cancellationToken);
        if (upload.Length == 0)
            throw new ImageRejectedException("FileEmpty");
        if (upload.Length > limit)
            throw new ImageRejectedException("FileOverLimit", upload.Length / (1024.0 * 1024.0), limit / (1024 * 1024));
        var bytes = new byte[upload.Length];
        await using (var stream = upload.Open())
            await stream.ReadExactlyAsync(bytes, cancellationToken);

        var key = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        var existing = await db.MediaItems.FirstOrDefaultAsync(m => m.StorageKey == key, cancellationToken);
        if (existing is not null)
            return new UploadResult(existing, AlreadyInLibrary: true);

        var image = await ImageProcessor.ProcessAsync(bytes, cancellationToken);
        var folder = Path.Combine(Folder, key);
        await WriteFolderAsync(folder, image.Variants, cancellationToken);
        var item = new MediaItem
        {
            StorageKey = key,
            OriginalFileName = Path.GetFileName(upload.FileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, 300)] : "image",
            ContentType = ImageProcessor.ContentType(image.Kind),
            Width = image.Width,
            Height = image.Height,
            ByteSize = upload.Length,
            AltText = upload.AltText.Trim(),
            Caption = Blank(upload.Caption),
            Credit = Blank(upload.Credit),
            VariantWidths = string.Join(',', image.Widths),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedByUserId = upload.UserId,
        };
        db.MediaItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(item).State = EntityState.Detached;
            // The same file uploaded twice at the same moment: the other upload's row and files stand.
            var winner = await db.MediaItems.FirstOrDefaultAsync(m => m.StorageKey == key, CancellationToken.None);
            if (winner is not null)
                return new UploadResult(winner, AlreadyInLibrary: true);
            TryDelete(folder);
            throw;
        }
        return new UploadResult(item, AlreadyInLibrary: false);
    }

    /// <summary>How many stories show the item (as their figure or in their body); an item in use is not deleted.</summary>
    public Task<int> UsesAsync(MediaItem item, CancellationToken cancellationToken) =>
        db.Articles.IgnoreQueryFilters()
            .CountAsync(a => a.FeaturedFigure!.MediaId == item.Id || a.BodyMarkdown.Contains(item.StorageKey), cancellationToken);

    public async Task DeleteAsync(MediaItem item, CancellationToken cancellationToken)
    {
        db.MediaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        TryDelete(Path.Combine(Folder, item.StorageKey));
    }

    public async Task<long> LimitBytesAsync(CancellationToken cancellationToken) =>
        Math.Max(1, (await site.GetAsync(cancellationToken)).Settings.MaxUploadMegabytes) * 1024L * 1024L;

    private async Task WriteFolderAsync(string folder, IReadOnlyList<ImageVariant> variants, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var staging = Path.Combine(Folder, ".upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var variant in variants)
                await File.WriteAllBytesAsync(Path.Combine(staging, variant.FileName), variant.Content, cancellationToken);
            // Files left by an upload whose row never got saved are replaced by this complete set.
            TryDelete(folder);
            Directory.Move(staging, folder);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader still has a file open; the orphan is harmless and replaced by the next upload of it.
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
