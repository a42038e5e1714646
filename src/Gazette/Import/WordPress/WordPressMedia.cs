using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

using Gazette.Data;
using Gazette.Media;
using Gazette.Webhooks;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Import.WordPress;

/// <summary>Where the attachments' files are: a copy of <c>wp-content/uploads</c>, the old site itself, or nowhere.</summary>
/// <param name="AllowPrivateAddresses">Whether downloads may reach loopback and private networks: yes for the
/// command line (the operator already has the server), only by the administrator's setting from the admin page.</param>
public sealed record MediaSource(string? UploadsDirectory, bool Download, bool AllowPrivateAddresses = true);

/// <summary>
/// Puts a WordPress site's images into Gazette's media library (checked, stripped and resized like any upload)
/// with their alt text, caption and credit, and answers "which library image is this old address?" for the
/// posts' bodies, whatever size variant (<c>photo-300x200.jpg</c>) a post happened to use.
/// </summary>
public sealed partial class WordPressMedia(GazetteDb db, MediaLibrary library, IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string ClientName = "wordpress-import";

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp"];
    private readonly Dictionary<long, MediaItem> mediaByAttachment = [];
    private readonly Dictionary<string, MediaItem> mediaByPath = new(StringComparer.OrdinalIgnoreCase);

    public async Task ImportAsync(string source, IEnumerable<WxrItem> attachments, MediaSource from, ImportSummary summary, CancellationToken cancellationToken)
    {
        var counts = summary.For("images");
        foreach (var attachment in attachments)
        {
            var url = attachment.AttachmentUrl ?? "";
            if (!ImageExtensions.Contains(Path.GetExtension(UrlPath(url)), StringComparer.OrdinalIgnoreCase))
            {
                counts.Skipped++;
                summary.Warn($"attachment {attachment.PostId} ({Path.GetFileName(UrlPath(url))}) is not an image; not imported");
                continue;
            }
            var alt = attachment.Meta.GetValueOrDefault("_wp_attachment_image_alt")?.Trim() ?? "";
            var (caption, creditInCaption) = CaptionCredit.Split(WxrText.PlainText(attachment.Excerpt));
            var credit = CaptionCredit.FromAttachmentMetadata(attachment.Meta.GetValueOrDefault("_wp_attachment_metadata")) ?? creditInCaption;
            var hash = Hash(url, alt, caption, credit);
            var id = attachment.PostId.ToString(CultureInfo.InvariantCulture);
            var record = await db.ImportRecords.FirstOrDefaultAsync(r => r.Source == source && r.Kind == "attachment" && r.ExternalId == id, cancellationToken);
            var item = record is not null && long.TryParse(record.LocalId, out var mediaId)
                ? await db.MediaItems.FirstOrDefaultAsync(m => m.Id == mediaId, cancellationToken)
                : null;
            if (item is not null && record!.ContentHash == hash)
            {
                counts.Unchanged++;
                Remember(attachment, item);
                continue;
            }
            if (item is null)
            {
                item = await UploadAsync(attachment, from, alt, caption, credit, summary, cancellationToken);
                if (item is null)
                {
                    counts.Skipped++;
                    continue;
                }
                counts.Imported++;
            }
            else
            {
                item.AltText = alt;
                item.Caption = caption;
                item.Credit = credit;
                counts.Updated++;
            }
            if (alt.Length == 0)
                summary.Warn($"image {Path.GetFileName(UrlPath(url))} (attachment {id}) has no alternative text: add one in the media library");
            if (record is null)
            {
                record = new ImportRecord { Source = source, Kind = "attachment", ExternalId = id, LocalId = "", ContentHash = "" };
                db.ImportRecords.Add(record);
            }
            record.LocalId = item.Id.ToString(CultureInfo.InvariantCulture);
            record.ContentHash = hash;
            record.ImportedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            Remember(attachment, item);
        }
    }

    public MediaItem? ByAttachmentId(long id) => mediaByAttachment.GetValueOrDefault(id);

    /// <summary>The library image an old address shows, if it was imported: any size WordPress made of it.</summary>
    public MediaItem? ByUrl(string url)
    {
        var path = UrlPath(url);
        if (mediaByPath.TryGetValue(path, out var item))
            return item;
        var original = SizeSuffix().Replace(path, "");
        return mediaByPath.GetValueOrDefault(original);
    }

    private void Remember(WxrItem attachment, MediaItem item)
    {
        mediaByAttachment[attachment.PostId] = item;
        if (attachment.AttachmentUrl is { } url)
        {
            mediaByPath[UrlPath(url)] = item;
            // WordPress 5.3+ keeps a "-scaled" copy of big originals and posts may use either name.
            mediaByPath[UrlPath(url).Replace("-scaled.", ".", StringComparison.OrdinalIgnoreCase)] = item;
        }
    }

    private async Task<byte[]?> DownloadAsync(Uri uri, bool allowPrivate, string name, long attachmentId, ImportSummary summary, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Options.Set(AddressGuard.AllowPrivate, allowPrivate);
        using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            summary.Warn($"image {name} (attachment {attachmentId}): the site answered {(int)response.StatusCode}");
            return null;
        }
        // Read no more than the media library would accept, whatever the server claims or sends.
        var limit = await library.LimitBytesAsync(cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > limit)
            {
                summary.Warn($"image {name} (attachment {attachmentId}): larger than the upload limit of {limit / 1048576} MB");
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private async Task<MediaItem?> UploadAsync(WxrItem attachment, MediaSource from, string alt, string? caption, string? credit, ImportSummary summary, CancellationToken cancellationToken)
    {
        var url = attachment.AttachmentUrl!;
        var name = Path.GetFileName(UrlPath(url));
        byte[]? bytes = null;
        if (from.UploadsDirectory is not null)
        {
            var relative = attachment.Meta.GetValueOrDefault("_wp_attached_file") is { Length: > 0 } attached
                ? attached
                : UploadsRelativePath(url);
            var file = relative is null ? null : Path.GetFullPath(Path.Combine(from.UploadsDirectory, relative));
            // The export names the file; it must not name one outside the folder it was given.
            if (file is not null && file.StartsWith(Path.GetFullPath(from.UploadsDirectory), StringComparison.Ordinal) && File.Exists(file))
                bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        if (bytes is null && from.Download && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            try
            {
                bytes = await DownloadAsync(uri, from.AllowPrivateAddresses, name, attachment.PostId, summary, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                summary.Warn($"image {name} (attachment {attachment.PostId}): download failed ({e.Message})");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                summary.Warn($"image {name} (attachment {attachment.PostId}): download timed out");
            }
        }
        if (bytes is null)
        {
            if (from.UploadsDirectory is null && !from.Download)
                summary.Warn($"image {name} (attachment {attachment.PostId}) not imported: give --uploads DIR or --download");
            else
                summary.Warn($"image {name} (attachment {attachment.PostId}) is missing: not found in the uploads folder or on the site");
            return null;
        }
        try
        {
            var upload = new MediaUpload(name, bytes.Length, () => new MemoryStream(bytes), alt, caption, credit, null);
            var result = await library.UploadAsync(upload, cancellationToken);
            return result.Item;
        }
        catch (ImageRejectedException e)
        {
            summary.Warn($"image {name} (attachment {attachment.PostId}) refused: {e.Message}");
            return null;
        }
    }

    private static string? UploadsRelativePath(string url)
    {
        var path = UrlPath(url);
        var at = path.IndexOf("/uploads/", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : path[(at + "/uploads/".Length)..];
    }

    /// <summary>The decoded path of an address, whatever host or scheme it was written with (sites move to https).</summary>
    public static string UrlPath(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }

    private static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "")))));

    [GeneratedRegex(@"-\d+x\d+(?=\.[a-zA-Z0-9]+$)")]
    private static partial Regex SizeSuffix();
}
