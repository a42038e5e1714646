using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Gazette.Data;
using Gazette.Media;


using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Import;

/// <summary>The manifest of an export: what wrote it, when, and how many rows each table file holds.</summary>
public sealed record ExportManifest(string Format, int Version, DateTime ExportedAt, string Provider, bool IncludesCredentials, SortedDictionary<string, int> Tables);

/// <summary>
/// <c>gazette export DIR</c>: the whole site as one JSON Lines file per table (rows in key order, one JSON object
/// per line, columns named as in the database), the media files, and a manifest. docs/export-format.md describes it.
/// </summary>
public sealed class SiteExport(GazetteDb db, IOptions<GazetteOptions> options, TimeProvider clock)
{
    public async Task<ExportManifest> ExportAsync(string directory, bool includeCredentials, CancellationToken cancellationToken)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new ExportException($"{directory} is not empty; export into a new or empty folder");
        Directory.CreateDirectory(directory);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in ExportTables.Ordered(db.Model, includeCredentials))
        {
            var count = 0;
            await using (var file = new StreamWriter(Path.Combine(directory, ExportTables.FileName(table)), false, new UTF8Encoding(false)))
            {
                await foreach (var row in ExportTables.RowsAsync(db, table).WithCancellation(cancellationToken))
                {
                    await file.WriteLineAsync(ExportTables.ToJson(row, table, includeCredentials).ToJsonString(ExportTables.Json));
                    count++;
                }
            }
            counts[table.GetTableName()!] = count;
        }
        var media = MediaFiles.Directory(options.Value);
        if (Directory.Exists(media))
            CopyFolder(media, Path.Combine(directory, ExportTables.MediaFolder));
        var manifest = new ExportManifest("gazette-export", ExportTables.FormatVersion, clock.GetUtcNow().UtcDateTime,
            db.Database.ProviderName ?? "", includeCredentials, counts);
        await File.WriteAllTextAsync(Path.Combine(directory, ExportTables.ManifestFile),
            JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        return manifest;
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    internal static JsonObject ParseLine(string line, string file, int lineNumber)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new ExportException($"{file}, line {lineNumber}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ExportException($"{file}, line {lineNumber}: {e.Message}");
        }
    }
}

/// <summary>An export folder that cannot be written or read, with where and why.</summary>
public sealed class ExportException(string message) : Exception(message);
