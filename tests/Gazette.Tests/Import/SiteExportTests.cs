using Gazette.Import;
using Gazette.Import.WordPress;
using Gazette.Tests.Infrastructure;

using Microsoft.Data.Sqlite;

namespace Gazette.Tests.Import;

/// <summary>Export and restore through the command line, between SQLite and PostgreSQL.</summary>
public sealed class SiteExportTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "gazette-tests", "export-" + Guid.NewGuid().ToString("N"));
    private SharedPostgresDatabase? postgres;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(root);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (postgres is not null)
            await postgres.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private string Folder(string name) => Path.Combine(root, name);

    private static string[] Sqlite(string dataDirectory) => ["--Gazette:DataDirectory", dataDirectory, "--Database:Provider", "Sqlite"];

    private string[] Postgres(string dataDirectory) =>
        ["--Gazette:DataDirectory", dataDirectory, "--Database:Provider", "Postgres", "--ConnectionStrings:Gazette", postgres!.ConnectionString];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>> verb, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await verb(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_site_goes_from_SQLite_to_PostgreSQL_and_back_unchanged()
    {
        postgres = await OneOffSite.CreatePostgresDatabaseAsync();
        // A demo site, plus what an import brings: accounts, images, redirects, import records.
        var first = Folder("first");
        var uploads = Folder("uploads");
        Directory.CreateDirectory(Path.Combine(uploads, "2024", "03"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Gazette", "Demo", "images", "harbour.jpg"),
            Path.Combine(uploads, "2024", "03", "port-valmer.jpg"));
        var fixture = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "wordpress-6.xml");
        var settings = new Dictionary<string, string?> { ["Gazette:DataDirectory"] = first, ["Database:Provider"] = "Sqlite" };
        Assert.Equal(0, await ImportWordPressVerb.RunAsync([fixture, "--uploads", uploads], TextWriter.Null, TextWriter.Null, settings, TestContext.Current.CancellationToken));

        var (exit, output, error) = await RunAsync(SiteExportVerbs.ExportAsync, [Folder("from-sqlite"), .. Sqlite(first)]);
        Assert.True(exit == 0, error);
        Assert.Contains("without passwords", output);
        var restoreIntoPostgres = await RunAsync(SiteExportVerbs.RestoreAsync, [Folder("from-sqlite"), .. Postgres(Folder("second"))]);
        Assert.True(restoreIntoPostgres.Exit == 0, restoreIntoPostgres.Error);
        Assert.Equal(0, (await RunAsync(SiteExportVerbs.ExportAsync, [Folder("from-postgres"), .. Postgres(Folder("second"))])).Exit);
        var restoreIntoSqlite = await RunAsync(SiteExportVerbs.RestoreAsync, [Folder("from-postgres"), .. Sqlite(Folder("third"))]);
        Assert.True(restoreIntoSqlite.Exit == 0, restoreIntoSqlite.Error);
        Assert.Equal(0, (await RunAsync(SiteExportVerbs.ExportAsync, [Folder("back-to-sqlite"), .. Sqlite(Folder("third"))])).Exit);

        foreach (var copy in new[] { "from-postgres", "back-to-sqlite" })
        {
            var tables = Directory.GetFiles(Folder("from-sqlite"), "*.jsonl").Select(Path.GetFileName).Order().ToList();
            Assert.Equal(tables, Directory.GetFiles(Folder(copy), "*.jsonl").Select(Path.GetFileName).Order().ToList());
            foreach (var table in tables)
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Folder("from-sqlite"), table!), TestContext.Current.CancellationToken),
                    await File.ReadAllTextAsync(Path.Combine(Folder(copy), table!), TestContext.Current.CancellationToken));
            Assert.Equal(MediaFiles(Folder("from-sqlite")), MediaFiles(Folder(copy)));
        }
        var articles = await File.ReadAllLinesAsync(Path.Combine(Folder("from-sqlite"), "Articles.jsonl"), TestContext.Current.CancellationToken);
        Assert.True(articles.Length >= 10, "the demo stories and the imported ones are exported");
        Assert.Contains(articles, line => line.Contains("Le port de Valmer veut doubler son trafic"));
        var users = await File.ReadAllTextAsync(Path.Combine(Folder("from-sqlite"), "AspNetUsers.jsonl"), TestContext.Current.CancellationToken);
        Assert.Contains("marion.lefort@courrier-valmer.example", users);
        Assert.DoesNotContain("PasswordHash", users);
        Assert.True(File.Exists(Path.Combine(Folder("from-sqlite"), "ArticleRedirects.jsonl")));
    }

    [Fact]
    public async Task A_restore_refuses_a_database_that_is_not_empty_and_a_damaged_export()
    {
        var site = Folder("site");
        Assert.Equal(0, (await RunAsync(SiteExportVerbs.ExportAsync, [Folder("export"), .. Sqlite(site)])).Exit);

        // The site the export came from has content: restoring into it is refused.
        var (exit, _, error) = await RunAsync(SiteExportVerbs.RestoreAsync, [Folder("export"), .. Sqlite(site)]);
        Assert.Equal(1, exit);
        Assert.Contains("the database is not empty", error);

        var tags = Path.Combine(Folder("export"), "Tags.jsonl");
        var lines = await File.ReadAllLinesAsync(tags, TestContext.Current.CancellationToken);
        lines[1] = "{\"Id\": \"not a number\"";
        await File.WriteAllLinesAsync(tags, lines, TestContext.Current.CancellationToken);
        (exit, _, error) = await RunAsync(SiteExportVerbs.RestoreAsync, [Folder("export"), .. Sqlite(Folder("empty"))]);
        Assert.Equal(1, exit);
        Assert.Contains("Tags.jsonl, line 2", error);
        Assert.Contains("Nothing was restored", error);

        // Nothing half-restored: the same database takes a good export afterwards.
        Assert.Equal(0, (await RunAsync(SiteExportVerbs.ExportAsync, [Folder("good"), .. Sqlite(site)])).Exit);
        var retry = await RunAsync(SiteExportVerbs.RestoreAsync, [Folder("good"), .. Sqlite(Folder("empty"))]);
        Assert.True(retry.Exit == 0, retry.Error);

        (exit, _, error) = await RunAsync(SiteExportVerbs.ExportAsync, [Folder("good"), .. Sqlite(site)]);
        Assert.Equal(1, exit);
        Assert.Contains("is not empty", error);
    }

    private static List<string> MediaFiles(string export)
    {
        var media = Path.Combine(export, ExportTables.MediaFolder);
        return Directory.Exists(media)
            ? Directory.GetFiles(media, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(media, f) + ":" + new FileInfo(f).Length).Order().ToList()
            : [];
    }
}
