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

    /// <summary>A page in a new context (its own cookies), desktop-sized unless told otherwise.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        Site.SkipIfUnavailable();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            Locale = "fr-FR",
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

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
            await context.CloseAsync();
        GC.SuppressFinalize(this);
        if (Site.UnavailableReason is null)
            AssertNoForeignRequests();
    }
}
