using Gazette.BrowserTests.Infrastructure;

using Microsoft.Playwright;

using static Microsoft.Playwright.Assertions;

namespace Gazette.BrowserTests.Newsroom;

/// <summary>Identity's .NET 10 passkeys end to end, with Chromium's virtual authenticator standing in for a device.</summary>
public sealed class PasskeyTests(GazetteProcess site, Chromium chromium) : BrowserTest(site, chromium)
{
    [Fact]
    public async Task A_passkey_registered_on_the_account_page_signs_its_owner_in()
    {
        var admin = await Site.CreateAdministratorAsync("Passkey Owner");
        var page = await NewPageAsync();
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await SignInAsync(page, admin.Email, admin.Password);
        await page.GotoAsync("/admin/account/passkeys");
        await page.GetByLabel("Name (to recognise it later)").FillAsync("Virtual authenticator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.Locator("p.form-notice")).ToContainTextAsync("Passkey added");
        await Expect(page.Locator("table")).ToContainTextAsync("Virtual authenticator");

        // A new session in the same tab, which keeps the virtual authenticator attached to it.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/admin");
        await page.WaitForURLAsync("**/admin/sign-in**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        await Expect(page.Locator(".admin-user")).ToHaveTextAsync(admin.Email);
    }
}
