using Microsoft.Playwright;

namespace Gazette.BrowserTests.Infrastructure;

/// <summary>
/// A browser test: fresh browser contexts (no shared cookies) on the running Gazette, each recording every request
/// it makes, so that the test fails when any page asks another host for anything.
/// </summary>
public abstract class BrowserTest(GazetteProcess site, Chromium chromium) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<string> foreignRequests = [];

    protected GazetteProcess Site { get; } = site;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// A page in a new context (its own cookies), desktop-sized unless told otherwise. <paramref name="locale"/> is the
    /// browser's language (its Accept-Language); <paramref name="userAgent"/> replaces Chromium's own when given;
    /// <paramref name="storageState"/> starts it with another context's cookies (a session already signed in).
    /// </summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light,
        string locale = "en-GB", string? userAgent = null, string? storageState = null)
    {
        Site.SkipIfUnavailable();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            // The newsroom follows the browser's language (Localization/NewsroomCulture) and these flows read its English
            // labels; public pages take the story's own language whatever the browser says.
            Locale = locale,
            UserAgent = userAgent,
            StorageState = storageState,
            TimezoneId = "Europe/Paris",
        });
        context.SetDefaultTimeout(15_000);
        context.Request += (_, request) => Record(request.Url);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    private void Record(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is "data" or "blob" or "about")
            return;
        if (uri.Authority != Site.BaseUrl.Authority)
        {
            lock (foreignRequests)
                foreignRequests.Add(url);
        }
    }

    /// <summary>Fails when any page of this test asked a host other than the site itself for anything.</summary>
    protected void AssertNoForeignRequests()
    {
        lock (foreignRequests)
            Assert.True(foreignRequests.Count == 0, "requests to other hosts: " + string.Join(", ", foreignRequests));
    }

    /// <summary>Signs in through the sign-in form and waits for the newsroom.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin/sign-in", StringComparison.Ordinal));
    }

    /// <summary>
    /// An account with <paramref name="role"/> made by an administrator on the Users page; its first sign-in (with
    /// the one-time password shown there) changes the password, as a new colleague would.
    /// </summary>
    protected async Task<(IPage Page, GazetteProcess.Account Account)> NewColleagueAsync(IPage adminPage, string role, string name)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@newsroom.test";
        await adminPage.GotoAsync("/admin/users");
        await adminPage.Locator("#Form_DisplayName").FillAsync(name);
        await adminPage.Locator("#Form_Email").FillAsync(email);
        await adminPage.Locator("#Form_Role").SelectOptionAsync(role);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        var oneTimePassword = (await adminPage.Locator("code.one-time-password").TextContentAsync())!.Trim();

        var page = await NewPageAsync();
        await SignInAsync(page, email, oneTimePassword);
        await page.WaitForURLAsync("**/admin/account/password**");
        var password = "my own long passphrase " + Guid.NewGuid().ToString("N")[..8];
        await page.Locator("#Form_CurrentPassword").FillAsync(oneTimePassword);
        await page.Locator("#Form_NewPassword").FillAsync(password);
        await page.Locator("#Form_ConfirmPassword").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin", StringComparison.Ordinal));
        return (page, new GazetteProcess.Account(email, password));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
            await context.CloseAsync();
        GC.SuppressFinalize(this);
        if (Site.UnavailableReason is null)
            AssertNoForeignRequests();
    }
}
