using System.Text.Json;

using Gazette.Data;
using Gazette.Media;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Gazette.Import;

/// <summary>
/// <c>gazette import gazette DIR</c>: puts an export back into an empty database, every row with its own id (so
/// read-also blocks and media references keep pointing where they did), in one transaction: a bad file leaves the
/// database as empty as it was. PostgreSQL's id sequences are moved past the restored ids afterwards.
/// </summary>
public sealed class SiteRestore(GazetteDb db, IOptions<GazetteOptions> options)
{
    private const int BatchSize = 500;

    public async Task<SortedDictionary<string, int>> RestoreAsync(string directory, CancellationToken cancellationToken)
    {
        var manifest = await ReadManifestAsync(directory, cancellationToken);
        await EnsureEmptyAsync(cancellationToken);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // What start-up created in the empty database is replaced by the export's own rows.
            await db.Roles.ExecuteDeleteAsync(cancellationToken);
            await db.SiteSettings.ExecuteDeleteAsync(cancellationToken);
            foreach (var table in ExportTables.Ordered(db.Model, includeCredentials: true))
            {
                var name = table.GetTableName()!;
                if (!manifest.Tables.ContainsKey(name))
                    continue;
                counts[name] = await RestoreTableAsync(directory, table, cancellationToken);
                if (counts[name] != manifest.Tables[name])
                    throw new ExportException($"{ExportTables.FileName(table)} holds {counts[name]} rows but the manifest says {manifest.Tables[name]}: the export is incomplete");
            }
            foreach (var user in await db.Users.Where(u => u.SecurityStamp == null).ToListAsync(cancellationToken))
                user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync(cancellationToken);
            if (db.Database.IsNpgsql())
                await MoveSequencesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var media = Path.Combine(directory, ExportTables.MediaFolder);
        if (Directory.Exists(media))
            SiteExport.CopyFolder(media, MediaFiles.Directory(options.Value));
        return counts;
    }

    private async Task<int> RestoreTableAsync(string directory, IEntityType table, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, ExportTables.FileName(table));
        if (!File.Exists(file))
            throw new ExportException($"{ExportTables.FileName(table)} is missing from {directory}");
        var count = 0;
        var lineNumber = 0;
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            object row;
            try
            {
                row = ExportTables.FromJson(SiteExport.ParseLine(line, ExportTables.FileName(table), lineNumber), table);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NotSupportedException)
            {
                throw new ExportException($"{ExportTables.FileName(table)}, line {lineNumber}: {e.Message}");
            }
            ExportTables.Add(db, table, row);
            if (++count % BatchSize == 0)
                await SaveBatchAsync(table, lineNumber, cancellationToken);
        }
        await SaveBatchAsync(table, lineNumber, cancellationToken);
        return count;
    }

    private async Task SaveBatchAsync(IEntityType table, int lineNumber, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new ExportException($"{ExportTables.FileName(table)}, rows up to line {lineNumber}: the database refused them ({(e.InnerException ?? e).Message.Split('\n')[0]})");
        }
        db.ChangeTracker.Clear();
    }

    private async Task<ExportManifest> ReadManifestAsync(string directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, ExportTables.ManifestFile);
        if (!File.Exists(path))
            throw new ExportException($"{directory} has no {ExportTables.ManifestFile}: it is not a Gazette export");
        ExportManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ExportManifest>(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (JsonException e)
        {
            throw new ExportException($"{ExportTables.ManifestFile}: {e.Message}");
        }
        if (manifest is not { Format: "gazette-export" } || manifest.Tables is null)
            throw new ExportException($"{ExportTables.ManifestFile} does not describe a Gazette export");
        if (manifest.Version > ExportTables.FormatVersion)
            throw new ExportException($"the export is format {manifest.Version}; this Gazette reads up to {ExportTables.FormatVersion}");
        return manifest;
    }

    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken) || await db.Articles.IgnoreQueryFilters().AnyAsync(cancellationToken)
            || await db.Sections.AnyAsync(cancellationToken) || await db.Tags.AnyAsync(cancellationToken)
            || await db.Authors.AnyAsync(cancellationToken) || await db.MediaItems.AnyAsync(cancellationToken))
            throw new ExportException("the database is not empty: restore into a new database (with demo content off: Gazette:DemoContent=false)");
    }

    private async Task MoveSequencesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null))
        {
            var key = table.FindPrimaryKey()?.Properties;
            if (key is not [{ } id] || id.ClrType != typeof(int) && id.ClrType != typeof(long) || id.ValueGenerated == ValueGenerated.Never)
                continue;
            var column = id.GetColumnName();
            var name = table.GetTableName();
#pragma warning disable EF1002 // names come from the model, not from input
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), GREATEST(COALESCE((SELECT MAX(\"{column}\") FROM \"{name}\"), 0), 1), (SELECT COUNT(*) > 0 FROM \"{name}\"))",
                cancellationToken);
#pragma warning restore EF1002
        }
    }
}
