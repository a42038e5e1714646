using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Demo;

public sealed class DemoContentSwitchTests
{
    [Fact]
    public async Task An_empty_site_started_with_demo_content_off_stays_empty_but_gets_its_settings()
    {
        await using var site = new SqliteSite();
        await using var factory = site.WithWebHostBuilder(builder => builder.UseSetting("Gazette:DemoContent", "false"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();

        Assert.False(await db.Articles.AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Authors.AnyAsync(TestContext.Current.CancellationToken));
        Assert.True(await db.SiteSettings.AnyAsync(TestContext.Current.CancellationToken));
    }
}
