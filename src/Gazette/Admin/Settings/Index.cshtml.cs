using System.ComponentModel.DataAnnotations;
using System.Globalization;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Settings;

/// <summary>The site-wide settings. Everything is checked before anything is saved; the cached copy is dropped after.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(GazetteDb db, SiteContext site) : PageModel
{
    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public bool Saved { get; private set; }

    public bool HasMachineTranslationKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var settings = await LoadAsync(cancellationToken);
        Form = new SettingsForm
        {
            Title = settings.Title,
            Description = settings.Description,
            DefaultLanguage = settings.DefaultLanguage,
            TimeZone = settings.TimeZone,
            BaseUrl = settings.BaseUrl,
            MaxUploadMegabytes = settings.MaxUploadMegabytes,
            CommentsCloseAfterDays = settings.CommentsCloseAfterDays,
            HoldFirstComment = settings.HoldFirstComment,
            ApproveKnownCommenters = settings.ApproveKnownCommenters,
            CommentIpRetentionDays = settings.CommentIpRetentionDays,
            CommentBlockedWords = settings.CommentBlockedWords,
            CommentBlockedDomains = settings.CommentBlockedDomains,
            FeedFullText = settings.FeedFullText,
            WebhooksAllowPrivateAddresses = settings.WebhooksAllowPrivateAddresses,
            EditionLanguages = settings.EditionLanguages,
            MachineTranslationUrl = settings.MachineTranslationUrl,
        };
        HasMachineTranslationKey = !string.IsNullOrEmpty(settings.MachineTranslationApiKey);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var timeZone = Form.TimeZone?.Trim() ?? "";
        if (timeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            ModelState.AddModelError("Form.TimeZone", $"'{timeZone}' is not a time zone this server knows; use an IANA name such as Europe/Paris.");
        var baseUrl = Form.BaseUrl?.Trim().TrimEnd('/') ?? "";
        if (baseUrl.Length > 0 && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)))
            ModelState.AddModelError("Form.BaseUrl", "Enter an absolute http:// or https:// address, such as https://news.example, or leave it empty.");
        var language = Form.DefaultLanguage?.Trim() ?? "";
        if (!IsLanguage(language))
            ModelState.AddModelError("Form.DefaultLanguage", "Enter a language code such as en, fr or pt-BR.");
        var editions = CheckEditions(Form.EditionLanguages);
        var translationUrl = CheckMachineTranslationUrl(Form.MachineTranslationUrl);
        if (!ModelState.IsValid)
            return Page();

        var settings = await LoadAsync(cancellationToken);
        settings.EditionLanguages = editions;
        settings.MachineTranslationUrl = translationUrl;
        // The key is never shown again: an empty field keeps it, "Forget the key" removes it.
        if (Form.ForgetMachineTranslationKey || translationUrl.Length == 0)
            settings.MachineTranslationApiKey = null;
        else if (!string.IsNullOrWhiteSpace(Form.MachineTranslationApiKey))
            settings.MachineTranslationApiKey = Form.MachineTranslationApiKey.Trim();
        HasMachineTranslationKey = !string.IsNullOrEmpty(settings.MachineTranslationApiKey);
        settings.Title = Form.Title.Trim();
        settings.Description = Form.Description?.Trim() ?? "";
        settings.DefaultLanguage = language;
        settings.TimeZone = timeZone.Length == 0 ? "UTC" : timeZone;
        settings.BaseUrl = baseUrl;
        settings.MaxUploadMegabytes = Form.MaxUploadMegabytes;
        settings.CommentsCloseAfterDays = Form.CommentsCloseAfterDays;
        settings.HoldFirstComment = Form.HoldFirstComment;
        settings.ApproveKnownCommenters = Form.ApproveKnownCommenters;
        settings.CommentIpRetentionDays = Form.CommentIpRetentionDays;
        settings.CommentBlockedWords = ListLines(Form.CommentBlockedWords);
        settings.CommentBlockedDomains = ListLines(Form.CommentBlockedDomains);
        settings.FeedFullText = Form.FeedFullText;
        settings.WebhooksAllowPrivateAddresses = Form.WebhooksAllowPrivateAddresses;
        await db.SaveChangesAsync(cancellationToken);
        site.Invalidate();
        Saved = true;
        return Page();
    }

    private async Task<SiteSettings> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
        }
        return settings;
    }

    /// <summary>The edition languages as stored (comma-separated, normalized); a model error for any that is not a language.</summary>
    private string CheckEditions(string? text)
    {
        var languages = (text ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var wrong = languages.Where(l => !IsLanguage(l) || l.Length > 35).ToList();
        if (wrong.Count > 0)
            ModelState.AddModelError("Form.EditionLanguages", $"Not a language code: {string.Join(", ", wrong)}. Use codes such as en, fr, nl or pt-BR.");
        return string.Join(',', languages.Select(Editions.LanguageTags.Normalize).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private string CheckMachineTranslationUrl(string? text)
    {
        var url = text?.Trim() ?? "";
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)))
            ModelState.AddModelError("Form.MachineTranslationUrl", "Enter the http:// or https:// address of a LibreTranslate-compatible service, or leave it empty.");
        return url;
    }

    /// <summary>One entry a line, trimmed, without blanks or repeats.</summary>
    private static string ListLines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase));

    private static bool IsLanguage(string code)
    {
        if (code.Length is < 2 or > 35)
            return false;
        try
        {
            // Unknown but well-formed tags are accepted by .NET; a tag it cannot parse throws.
            return !CultureInfo.GetCultureInfo(code, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    public sealed class SettingsForm
    {
        [Required(ErrorMessage = "The site needs a title.")]
        [StringLength(200)]
        [Display(Name = "Site title")]
        public string Title { get; set; } = "";

        [StringLength(1000)]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Enter a language code.")]
        [Display(Name = "Default language")]
        public string DefaultLanguage { get; set; } = "en";

        [Display(Name = "Time zone")]
        [StringLength(100)]
        public string? TimeZone { get; set; }

        [Display(Name = "Base URL")]
        [StringLength(300)]
        public string? BaseUrl { get; set; }

        [Range(1, 200, ErrorMessage = "Enter a size from 1 to 200 MB.")]
        [Display(Name = "Largest upload (MB)")]
        public int MaxUploadMegabytes { get; set; } = 20;

        [Range(0, 3650, ErrorMessage = "Enter a number of days from 0 (never close) to 3,650.")]
        [Display(Name = "Close comments after (days, 0 = never)")]
        public int CommentsCloseAfterDays { get; set; }

        [Display(Name = "Hold the first comment of every e-mail address for moderation")]
        public bool HoldFirstComment { get; set; } = true;

        [Display(Name = "Approve known commenters at once unless the spam score is high")]
        public bool ApproveKnownCommenters { get; set; } = true;

        [Range(1, 365, ErrorMessage = "Keep IP hashes from 1 to 365 days.")]
        [Display(Name = "Keep commenters' IP hashes (days)")]
        public int CommentIpRetentionDays { get; set; } = 30;

        [StringLength(4000)]
        [Display(Name = "Blocklisted words (one a line)")]
        public string? CommentBlockedWords { get; set; }

        [StringLength(4000)]
        [Display(Name = "Blocklisted domains (one a line)")]
        public string? CommentBlockedDomains { get; set; }
        [Display(Name = "Feeds carry the whole story (otherwise the standfirst only)")]
        public bool FeedFullText { get; set; }

        [Display(Name = "Webhooks may deliver to loopback and private network addresses")]
        public bool WebhooksAllowPrivateAddresses { get; set; }

        [StringLength(400)]
        [Display(Name = "Language editions (comma-separated codes besides the default language, e.g. en, nl)")]
        public string? EditionLanguages { get; set; }

        [StringLength(400)]
        [Display(Name = "Machine translation endpoint (LibreTranslate-compatible; empty: off)")]
        public string? MachineTranslationUrl { get; set; }

        [StringLength(400)]
        [Display(Name = "Its API key (leave empty to keep the current one)")]
        public string? MachineTranslationApiKey { get; set; }

        [Display(Name = "Forget the API key")]
        public bool ForgetMachineTranslationKey { get; set; }
    }
}
