using System.Net.Sockets;

using Gazette.Site;

using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace Gazette.Tests.Site;

public sealed class DatabaseOutageTests
{
    [Fact]
    public void An_unreachable_server_is_an_outage_even_inside_an_EF_Core_exception()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        Assert.True(DatabaseOutage.IsOutage(refused));
        Assert.True(DatabaseOutage.IsOutage(new DbUpdateException("An error occurred while saving the entity changes.", refused)));
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
    }

    [Fact]
    public void The_database_refusing_the_data_is_not_an_outage()
    {
        var duplicate = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);
        Assert.False(DatabaseOutage.IsOutage(new DbUpdateException("An error occurred while saving the entity changes.", duplicate)));
        Assert.False(DatabaseOutage.IsOutage(new InvalidOperationException("Sequence contains no elements")));
    }
}
