using Gazette.Accounts;
using Gazette.Data;
using Gazette.Site;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Admin;

public abstract class SettingsTests(GazetteSite site) : SiteTest(site)
{
    private Task<SiteSettings> CurrentAsync() =>
        Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().SiteSettings.AsNoTracking().OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken));

    private static Dictionary<string, string> Fields(SiteSettings settings) => new()
    {
        ["Form.Title"] = settings.Title,
        ["Form.Description"] = settings.Description,
        ["Form.DefaultLanguage"] = settings.DefaultLanguage,
        ["Form.TimeZone"] = settings.TimeZone,
        ["Form.BaseUrl"] = settings.BaseUrl,
        ["Form.MaxUploadMegabytes"] = settings.MaxUploadMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData("Form.TimeZone", "Mars/Olympus_Mons", "is not a time zone")]
    [InlineData("Form.BaseUrl", "ftp://news.example", "absolute http")]
    [InlineData("Form.BaseUrl", "news.example", "absolute http")]
    [InlineData("Form.MaxUploadMegabytes", "500", "from 1 to 200")]
    [InlineData("Form.MaxUploadMegabytes", "0", "from 1 to 200")]
    [InlineData("Form.DefaultLanguage", "not a language", "language code")]
    [InlineData("Form.Title", "", "needs a title")]
    public async Task A_bad_value_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var before = await CurrentAsync();
        var fields = Fields(before);
        fields["Form.Description"] = "changed together with a bad value";
        fields[field] = value;

        var response = await admin.PostFormAsync("/admin/settings", fields);

        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before.Description, (await CurrentAsync()).Description);
    }

    [Fact]
    public async Task Good_values_are_saved_and_the_cached_settings_refreshed()
    {
        var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var before = await CurrentAsync();
        var fields = Fields(before);
        var description = $"Saved {Guid.NewGuid():N}";
        fields["Form.Description"] = description;
        try
        {
            var response = await admin.PostFormAsync("/admin/settings", fields);

            Assert.Contains("Settings saved", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var cached = await Site.Services.GetRequiredService<SiteContext>().GetAsync(TestContext.Current.CancellationToken);
            Assert.Equal(description, cached.Settings.Description);
        }
        finally
        {
            await admin.PostFormAsync("/admin/settings", Fields(before));
        }
    }
}

public sealed class SettingsTestsOnSqlite(SqliteSite site) : SettingsTests(site);

public sealed class SettingsTestsOnPostgres(PostgresSite site) : SettingsTests(site);
