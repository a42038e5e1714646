using System.Net;

using Gazette.Accounts;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Localization;

/// <summary>The newsroom speaks its member's language: their preference, else their browser's, else English.</summary>
public abstract class NewsroomCultureTests(GazetteSite site) : SiteTest(site)
{
    private async Task<HttpClient> SignedInWithLanguageAsync(string role, string? language)
    {
        var (browser, user) = await Site.SignedInAsAsync(role);
        if (language is not null)
        {
            await Site.WithDbAsync(async db =>
            {
                var stored = await db.Users.FindAsync([user.Id], TestContext.Current.CancellationToken);
                stored!.InterfaceLanguage = language;
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            });
        }
        return browser;
    }

    [Fact]
    public async Task A_french_member_sees_the_dashboard_and_the_editor_in_french()
    {
        var browser = await SignedInWithLanguageAsync(Roles.Author, "fr");
        var dashboard = await browser.GetStringAsync("/admin", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", dashboard);
        Assert.Contains("<h1>Tableau de bord</h1>", dashboard);
        Assert.Contains("Mes brouillons", dashboard);
        Assert.DoesNotContain(">Dashboard<", dashboard);

        var editor = await browser.GetStringAsync("/admin/stories/new", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"fr\"", editor);
        Assert.Contains("<h1>Nouvel article</h1>", editor);
        Assert.Contains(">Titre<", editor);
        Assert.DoesNotContain(">Headline<", editor);
    }

    [Fact]
    public async Task An_arabic_member_gets_a_right_to_left_newsroom()
    {
        var browser = await SignedInWithLanguageAsync(Roles.Editor, "ar");
        var dashboard = await browser.GetStringAsync("/admin", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", dashboard);
        Assert.Contains("<h1>لوحة التحكم</h1>", dashboard);

        var editor = await browser.GetStringAsync("/admin/stories/new", TestContext.Current.CancellationToken);
        Assert.Contains("dir=\"rtl\"", editor);
        Assert.Contains("<h1>مقال جديد</h1>", editor);
    }

    [Fact]
    public async Task Without_a_preference_the_browser_language_is_used_and_english_is_the_default()
    {
        var browser = await SignedInWithLanguageAsync(Roles.Author, language: null);
        using var dutch = new HttpRequestMessage(HttpMethod.Get, "/admin");
        dutch.Headers.AcceptLanguage.ParseAdd("pt-BR, nl-BE;q=0.8, en;q=0.5");
        var page = await (await browser.SendAsync(dutch, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"nl\" dir=\"ltr\">", page);
        Assert.Contains("<h1>Dashboard</h1>", page);
        Assert.Contains("Mijn concepten", page);

        var english = await browser.GetStringAsync("/admin", TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english);
        Assert.Contains("My drafts", english);
    }

    [Fact]
    public async Task The_preference_wins_over_the_browser_and_is_set_on_the_account_page()
    {
        var browser = await SignedInWithLanguageAsync(Roles.Contributor, language: null);
        var saved = await browser.PostFormAsync("/admin/account", new() { ["DisplayName"] = "Ilse", ["InterfaceLanguage"] = "de" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var french = new HttpRequestMessage(HttpMethod.Get, "/admin/account");
        french.Headers.AcceptLanguage.ParseAdd("fr");
        var page = await (await browser.SendAsync(french, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"de\"", page);
        Assert.Contains("<h1>Mein Konto</h1>", page);
        Assert.Contains("<option value=\"de\" lang=\"de\" selected=\"selected\">Deutsch</option>", page);
    }

    [Fact]
    public async Task Validation_errors_are_in_the_member_language()
    {
        var browser = await SignedInWithLanguageAsync(Roles.Author, "fr");
        var response = await browser.PostFormAsync("/admin/account", new() { ["DisplayName"] = "", ["InterfaceLanguage"] = "fr" });
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Indiquez votre nom.", page);
        Assert.Contains("Nom affiché dans la rédaction", page);

        var password = await browser.PostFormAsync("/admin/account/password", new()
        {
            ["Form.CurrentPassword"] = Newsroom.Password,
            ["Form.NewPassword"] = "aaaaaaaaaaaaaa",
            ["Form.ConfirmPassword"] = "aaaaaaaaaaaaaa",
        });
        Assert.Contains("Le mot de passe doit utiliser au moins 6 caractères différents.", await password.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_sign_in_page_follows_the_browser()
    {
        var reader = Site.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/sign-in");
        request.Headers.AcceptLanguage.ParseAdd("es-ES,es;q=0.9");
        var page = await (await reader.SendAsync(request, TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"es\"", page);
        Assert.Contains("Acceso a la redacción", page);
    }
}

public sealed class NewsroomCultureTestsOnSqlite(SqliteSite site) : NewsroomCultureTests(site);

public sealed class NewsroomCultureTestsOnPostgres(PostgresSite site) : NewsroomCultureTests(site);
