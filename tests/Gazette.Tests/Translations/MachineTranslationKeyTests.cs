using System.Globalization;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Site;
using Gazette.Tests.Editions;
using Gazette.Tests.Infrastructure;
using Gazette.Translations;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Translations;

/// <summary>The machine translation API key is kept protected, never shown back, and an old clear one is protected on use.</summary>
public abstract partial class TranslationTests
{
    private Task<SiteSettings> SettingsAsync() =>
        Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().SiteSettings.AsNoTracking().OrderBy(s => s.Id).FirstAsync(Cancel));

    /// <summary>The settings form as the page would post it back unchanged.</summary>
    private static Dictionary<string, string> SettingsForm(SiteSettings settings)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = settings.Title,
            ["Form.Description"] = settings.Description,
            ["Form.DefaultLanguage"] = settings.DefaultLanguage,
            ["Form.TimeZone"] = settings.TimeZone,
            ["Form.BaseUrl"] = settings.BaseUrl,
            ["Form.MaxUploadMegabytes"] = settings.MaxUploadMegabytes.ToString(CultureInfo.InvariantCulture),
            ["Form.CommentsCloseAfterDays"] = settings.CommentsCloseAfterDays.ToString(CultureInfo.InvariantCulture),
            ["Form.CommentIpRetentionDays"] = settings.CommentIpRetentionDays.ToString(CultureInfo.InvariantCulture),
            ["Form.CommentBlockedWords"] = settings.CommentBlockedWords,
            ["Form.CommentBlockedDomains"] = settings.CommentBlockedDomains,
            ["Form.EditionLanguages"] = settings.EditionLanguages,
            ["Form.MachineTranslationUrl"] = settings.MachineTranslationUrl,
        };
        foreach (var (name, on) in new[]
        {
            ("HoldFirstComment", settings.HoldFirstComment), ("ApproveKnownCommenters", settings.ApproveKnownCommenters),
            ("FeedFullText", settings.FeedFullText), ("WebhooksAllowPrivateAddresses", settings.WebhooksAllowPrivateAddresses),
        })
            fields["Form." + name] = on ? "true" : "false";
        return fields;
    }

    [Fact]
    public async Task The_api_key_is_stored_protected_and_never_shown_back()
    {
        await using var receiver = await TranslateReceiver.StartAsync();
        await Site.UseMachineTranslationAsync(receiver.Url);
        try
        {
            var secret = "key-" + Guid.NewGuid().ToString("N");
            var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);
            var before = await admin.GetDocumentAsync("/admin/settings");
            Assert.Equal("No key is set.", before.QuerySelector(".key-status")!.TextContent.Trim());
            Assert.Null(before.QuerySelector("input[name='Form.ForgetMachineTranslationKey']"));

            var fields = SettingsForm(await SettingsAsync());
            fields["Form.MachineTranslationApiKey"] = secret;
            var saved = await admin.PostFormAsync("/admin/settings", fields);
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
            Assert.DoesNotContain(secret, await saved.Content.ReadAsStringAsync(Cancel));

            var stored = (await SettingsAsync()).MachineTranslationApiKey!;
            Assert.DoesNotContain(secret, stored);
            Assert.StartsWith("CfDJ8", stored);
            var page = await admin.GetDocumentAsync("/admin/settings");
            Assert.DoesNotContain(secret, page.DocumentElement.OuterHtml);
            Assert.Equal("", page.QuerySelector("input[name='Form.MachineTranslationApiKey']")!.GetAttribute("value") ?? "");
            Assert.Equal("A key is set.", page.QuerySelector(".key-status")!.TextContent.Trim());

            // Posting the form again with the key field empty keeps the key; the engine receives it in clear.
            Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.PostFormAsync("/admin/settings", SettingsForm(await SettingsAsync()))).StatusCode);
            var original = await OriginalAsync(TestArticles.UniqueHeadline("La clé du port"));
            var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
            await TranslateAsync(editor, original.Id, "en", machine: true);
            Assert.All(receiver.Requests, r => Assert.Equal(secret, r.GetProperty("api_key").GetString()));

            var forget = SettingsForm(await SettingsAsync());
            forget["Form.ForgetMachineTranslationKey"] = "true";
            await admin.PostFormAsync("/admin/settings", forget);
            Assert.Null((await SettingsAsync()).MachineTranslationApiKey);
            Assert.Equal("No key is set.", (await admin.GetDocumentAsync("/admin/settings")).QuerySelector(".key-status")!.TextContent.Trim());
        }
        finally
        {
            await Site.UseMachineTranslationAsync(null);
        }
    }

    [Fact]
    public async Task A_key_stored_in_clear_still_works_and_is_protected_when_first_used()
    {
        await using var receiver = await TranslateReceiver.StartAsync();
        await Site.UseMachineTranslationAsync(receiver.Url);
        var clear = "old-" + Guid.NewGuid().ToString("N");
        try
        {
            await Site.WithDbAsync(async db =>
            {
                var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstAsync(Cancel);
                settings.MachineTranslationApiKey = clear;
                await db.SaveChangesAsync(Cancel);
            });
            Site.Services.GetRequiredService<SiteContext>().Invalidate();

            var original = await OriginalAsync(TestArticles.UniqueHeadline("La vieille clé"));
            var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
            await TranslateAsync(editor, original.Id, "en", machine: true);
            Assert.All(receiver.Requests, r => Assert.Equal(clear, r.GetProperty("api_key").GetString()));

            var stored = (await SettingsAsync()).MachineTranslationApiKey!;
            Assert.NotEqual(clear, stored);
            Assert.StartsWith("CfDJ8", stored);
            Assert.Equal(clear, Site.Services.GetRequiredService<MachineTranslationKey>().Reveal(stored));
            // A value that looks protected but no longer opens (a lost key ring) is not sent as if it were the key.
            Assert.Null(Site.Services.GetRequiredService<MachineTranslationKey>().Reveal("CfDJ8" + stored[5..].ToUpperInvariant()));
        }
        finally
        {
            await Site.WithDbAsync(async db =>
            {
                var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstAsync(Cancel);
                settings.MachineTranslationApiKey = null;
                await db.SaveChangesAsync(Cancel);
            });
            await Site.UseMachineTranslationAsync(null);
        }
    }
}
