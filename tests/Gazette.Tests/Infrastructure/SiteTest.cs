namespace Gazette.Tests.Infrastructure;

/// <summary>
/// Base of the HTTP tests that run on every database provider: write the tests once in an abstract class deriving
/// from this, then add one empty sealed class per provider (see <c>OnSqlite</c>/<c>OnPostgres</c> classes).
/// </summary>
public abstract class SiteTest
{
    protected SiteTest(GazetteSite site)
    {
        site.SkipIfUnavailable();
        Site = site;
        Reader = site.CreateReader();
    }

    protected GazetteSite Site { get; }

    /// <summary>An anonymous reader's browser that does not follow redirects.</summary>
    protected HttpClient Reader { get; }
}
