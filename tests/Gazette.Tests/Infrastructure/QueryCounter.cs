using System.Collections.Concurrent;
using System.Data.Common;

using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gazette.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands run for requests that carry <see cref="Header"/>, by its value: background work (the change
/// feed's followers, other tests' requests) is not counted.
/// </summary>
public sealed class QueryCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Header = "X-Test-Count-Queries";

    private readonly ConcurrentDictionary<string, int> counts = new();

    public int CountFor(string label) => counts.GetValueOrDefault(label);

    private void Count()
    {
        if (accessor.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } label)
            counts.AddOrUpdate(label, 1, (_, n) => n + 1);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
