using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Site;

public abstract class HealthTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await Reader.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class HealthTestsOnSqlite(SqliteSite site) : HealthTests(site);

public sealed class HealthTestsOnPostgres(PostgresSite site) : HealthTests(site);
