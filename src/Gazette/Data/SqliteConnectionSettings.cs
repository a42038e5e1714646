using System.Data.Common;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gazette.Data;

/// <summary>
/// Settings SQLite keeps per connection, given to every connection the pool hands out (a few microseconds):
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>, the setting SQLite recommends with the write-ahead log: a commit no longer waits
/// for the disk, only a checkpoint does. The file can never be corrupted by a crash; a power cut may undo the last
/// commits, not half of one.</item>
/// <item>A page cache of 512 KB per connection instead of 2 MB: the pool holds a connection per concurrent request, and
/// their caches hold the same hot pages many times over while the operating system caches the file once anyway.
/// (Memory-mapping the file instead is worse here: each connection maps it again, and every mapping counts.)</item>
/// </list>
/// Measured in docs/performance.md (memory and the comment POST).
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-512;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection)
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection)
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
