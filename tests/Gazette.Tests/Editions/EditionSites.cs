using Gazette.Site;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Editions;

/// <summary>
/// A site of its own (demo content, French by default) publishing three editions, French at the root and English and
/// Dutch under /en/ and /nl/: the shared sites keep one edition, which other tests rely on.
/// </summary>
public static class EditionSites
{
    public const string Languages = "en, nl";

    public static Task EnableEditionsAsync(GazetteSite site) => EnableEditionsAsync(site, "fr", Languages);

    /// <summary>Makes <paramref name="site"/> publish <paramref name="defaultLanguage"/> at the root and the other editions under their language.</summary>
    public static async Task EnableEditionsAsync(GazetteSite site, string defaultLanguage, string otherEditions)
    {
        if (site.UnavailableReason is not null)
            return;
        await site.WithDbAsync(async db =>
        {
            var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstAsync();
            settings.DefaultLanguage = defaultLanguage;
            settings.EditionLanguages = otherEditions;
            await db.SaveChangesAsync();
        });
        site.Services.GetRequiredService<SiteContext>().Invalidate();
    }

    /// <summary>Points the site at a machine translation endpoint (null: none).</summary>
    public static async Task UseMachineTranslationAsync(this GazetteSite site, string? url)
    {
        await site.WithDbAsync(async db =>
        {
            var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
            settings.MachineTranslationUrl = url ?? "";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        site.Services.GetRequiredService<SiteContext>().Invalidate();
    }
}

public sealed class EditionsOnSqliteSite : SqliteSite
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await EditionSites.EnableEditionsAsync(this);
    }
}

public sealed class EditionsOnPostgresSite : PostgresSite
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await EditionSites.EnableEditionsAsync(this);
    }
}
