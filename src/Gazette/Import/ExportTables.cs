using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

using Gazette.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gazette.Import;

/// <summary>
/// Which tables a whole-site export holds and how a row is written, read from the EF model itself: a table added
/// by a later feature is exported and restored without anyone remembering to list it here.
/// </summary>
public static class ExportTables
{
    public const string ManifestFile = "manifest.json";
    public const string MediaFolder = "media";
    public const int FormatVersion = 1;

    /// <summary>Derived or machine-local: the change feed is rebuilt by the restore itself, keys are per installation.</summary>
    private static readonly HashSet<string> NeverExported = new(StringComparer.Ordinal) { "ChangeEvents", "DataProtectionKeys" };

    /// <summary>Tables that let someone sign in: exported only with <c>--include-credentials</c>.</summary>
    private static readonly HashSet<string> CredentialTables = new(StringComparer.Ordinal)
        { "AspNetUserTokens", "AspNetUserLogins", "AspNetUserPasskeys", "ApiTokens" };

    private static readonly HashSet<string> CredentialColumns = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp" };

    /// <summary>Secrets sealed with this installation's data-protection keys, which stay behind: a restore makes new ones.</summary>
    private static readonly HashSet<string> MachineSecrets = new(StringComparer.Ordinal) { "CommentIpHashKey" };

    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>The exported tables, every one after the tables it refers to, so a restore can insert them in this order.</summary>
    public static List<IEntityType> Ordered(IModel model, bool includeCredentials)
    {
        var tables = model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is { } name && !NeverExported.Contains(name)
                && (includeCredentials || !CredentialTables.Contains(name)))
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType table, HashSet<IEntityType> visiting)
        {
            if (placed.Contains(table) || !visiting.Add(table))
                return;
            foreach (var principal in table.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != table && tables.Contains(p)))
                Place(principal, visiting);
            placed.Add(table);
            ordered.Add(table);
        }
        foreach (var table in tables)
            Place(table, []);
        return ordered;
    }

    public static string FileName(IEntityType table) => table.GetTableName() + ".jsonl";

    /// <summary>The properties written for a row: not concurrency stamps (renewed on restore), not secrets unless asked.</summary>
    public static IEnumerable<IProperty> Columns(IEntityType table, bool includeCredentials) => table.GetProperties()
        .Where(p => !p.IsShadowProperty() || p.IsIndexerProperty())
        .Where(p => !p.IsConcurrencyToken && !MachineSecrets.Contains(p.Name))
        .Where(p => includeCredentials || !CredentialColumns.Contains(p.Name));

    public static IEnumerable<INavigation> OwnedParts(IEntityType table) => table.GetNavigations().Where(n => n.TargetEntityType.IsOwned());

    public static JsonObject ToJson(object row, IEntityType table, bool includeCredentials)
    {
        var json = new JsonObject();
        foreach (var column in Columns(table, includeCredentials))
            json[column.Name] = JsonSerializer.SerializeToNode(Portable(column.GetGetter().GetClrValue(row)), column.ClrType, Json);
        foreach (var part in OwnedParts(table))
        {
            var value = part.GetGetter().GetClrValue(row);
            json[part.Name] = value is null ? null : ToJson(value, part.TargetEntityType, includeCredentials);
        }
        return json;
    }

    public static object FromJson(JsonObject json, IEntityType table)
    {
        var row = table.HasSharedClrType ? new Dictionary<string, object>() : Activator.CreateInstance(table.ClrType)!;
        foreach (var column in Columns(table, includeCredentials: true))
        {
            if (!json.TryGetPropertyValue(column.Name, out var node))
                continue;
            var value = node?.Deserialize(column.ClrType, Json);
            if (column.IsIndexerProperty())
                ((IDictionary<string, object>)row)[column.Name] = value!;
            else
                column.PropertyInfo!.SetValue(row, value);
        }
        foreach (var part in OwnedParts(table))
        {
            if (json[part.Name] is JsonObject owned)
                part.PropertyInfo!.SetValue(row, FromJson(owned, part.TargetEntityType));
        }
        return row;
    }

    /// <summary>
    /// Instants to the microsecond: what PostgreSQL keeps. SQLite keeps ten times more, and an export must read the
    /// same whichever database it came from.
    /// </summary>
    private static object? Portable(object? value) => value switch
    {
        DateTime date => new DateTime(date.Ticks - date.Ticks % 10, DateTimeKind.Utc),
        DateTimeOffset date => new DateTimeOffset(date.Ticks - date.Ticks % 10, date.Offset),
        _ => value,
    };

    /// <summary>All rows of a table in key order, streamed, whatever its CLR type (shared-type join tables included).</summary>
    public static IAsyncEnumerable<object> RowsAsync(GazetteDb db, IEntityType table)
    {
        var method = typeof(ExportTables).GetMethod(nameof(TypedRows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(table.ClrType);
        return (IAsyncEnumerable<object>)method.Invoke(null, [db, table])!;
    }

    private static async IAsyncEnumerable<object> TypedRows<T>(GazetteDb db, IEntityType table) where T : class
    {
        IQueryable<T> query = table.HasSharedClrType ? db.Set<T>(table.Name) : db.Set<T>();
        query = query.IgnoreQueryFilters().AsNoTracking();
        var key = table.FindPrimaryKey()!.Properties;
        var ordered = query.OrderBy(row => EF.Property<object>(row, key[0].Name));
        foreach (var column in key.Skip(1))
            ordered = ordered.ThenBy(row => EF.Property<object>(row, column.Name));
        await foreach (var row in ordered.AsAsyncEnumerable())
            yield return row;
    }

    /// <summary>Adds a restored row to the context, shared-type join rows included.</summary>
    public static void Add(GazetteDb db, IEntityType table, object row)
    {
        if (table.HasSharedClrType)
            db.Set<Dictionary<string, object>>(table.Name).Add((Dictionary<string, object>)row);
        else
            db.Add(row);
    }
}
