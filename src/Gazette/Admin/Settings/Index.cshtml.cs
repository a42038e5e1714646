using System.ComponentModel.DataAnnotations;
using System.Globalization;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Settings;

/// <summary>The site-wide settings. Everything is checked before anything is saved; the cached copy is dropped after.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(GazetteDb db, SiteContext site, Translations.MachineTranslationKey machineTranslationKey) : PageModel
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
        await machineTranslationKey.ProtectStoredAsync(db, site, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var timeZone = Form.TimeZone?.Trim() ?? "";
        if (timeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            ModelState.AddModelError("Form.TimeZone", NewsroomLabels.Current.Format("UnknownTimeZone", timeZone));
        var baseUrl = Form.BaseUrl?.Trim().TrimEnd('/') ?? "";
        if (baseUrl.Length > 0 && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)))
            ModelState.AddModelError("Form.BaseUrl", NewsroomLabels.Current["BaseUrlInvalid"]);
        var language = Form.DefaultLanguage?.Trim() ?? "";
        if (!IsLanguage(language))
            ModelState.AddModelError("Form.DefaultLanguage", NewsroomLabels.Current["LanguageCodeInvalid"]);
        var editions = CheckEditions(Form.EditionLanguages);
        var translationUrl = CheckMachineTranslationUrl(Form.MachineTranslationUrl);
        if (!ModelState.IsValid)
        {
            HasMachineTranslationKey = !string.IsNullOrEmpty((await LoadAsync(cancellationToken)).MachineTranslationApiKey);
            return Page();
        }

        var settings = await LoadAsync(cancellationToken);
        settings.EditionLanguages = editions;
        settings.MachineTranslationUrl = translationUrl;
        // The key is never shown again: an empty field keeps it, "Forget the key" removes it; it is stored protected.
        if (Form.ForgetMachineTranslationKey || translationUrl.Length == 0)
            settings.MachineTranslationApiKey = null;
        else if (!string.IsNullOrWhiteSpace(Form.MachineTranslationApiKey))
            settings.MachineTranslationApiKey = machineTranslationKey.Protect(Form.MachineTranslationApiKey.Trim());
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
            ModelState.AddModelError("Form.EditionLanguages", NewsroomLabels.Current.Format("EditionLanguagesInvalid", string.Join(", ", wrong)));
        return string.Join(',', languages.Select(Editions.LanguageTags.Normalize).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private string CheckMachineTranslationUrl(string? text)
    {
        var url = text?.Trim() ?? "";
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)))
            ModelState.AddModelError("Form.MachineTranslationUrl", NewsroomLabels.Current["MachineTranslationUrlInvalid"]);
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
        [Required(ErrorMessage = "ErrorSiteTitleRequired")]
        [StringLength(200, ErrorMessage = "ErrorTooLong")]
        [Display(Name = "SiteTitle")]
        public string Title { get; set; } = "";

        [StringLength(1000, ErrorMessage = "ErrorTooLong")]
        [Display(Name = "SiteDescription")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "ErrorEnterLanguageCode")]
        [Display(Name = "DefaultLanguage")]
        public string DefaultLanguage { get; set; } = "en";

        [Display(Name = "TimeZone")]
        [StringLength(100, ErrorMessage = "ErrorTooLong")]
        public string? TimeZone { get; set; }

        [Display(Name = "BaseUrl")]
        [StringLength(300, ErrorMessage = "ErrorTooLong")]
        public string? BaseUrl { get; set; }

        [Range(1, 200, ErrorMessage = "ErrorUploadSizeRange")]
        [Display(Name = "MaxUploadMegabytes")]
        public int MaxUploadMegabytes { get; set; } = 20;

        [Range(0, 3650, ErrorMessage = "ErrorCloseDaysRange")]
        [Display(Name = "CommentsCloseAfterDays")]
        public int CommentsCloseAfterDays { get; set; }

        [Display(Name = "HoldFirstComment")]
        public bool HoldFirstComment { get; set; } = true;

        [Display(Name = "ApproveKnownCommenters")]
        public bool ApproveKnownCommenters { get; set; } = true;

        [Range(1, 365, ErrorMessage = "ErrorIpRetentionRange")]
        [Display(Name = "CommentIpRetentionDays")]
        public int CommentIpRetentionDays { get; set; } = 30;

        [StringLength(4000, ErrorMessage = "ErrorTooLong")]
        [Display(Name = "CommentBlockedWords")]
        public string? CommentBlockedWords { get; set; }

        [StringLength(4000, ErrorMessage = "ErrorTooLong")]
        [Display(Name = "CommentBlockedDomains")]
        public string? CommentBlockedDomains { get; set; }
        [Display(Name = "FeedFullText")]
        public bool FeedFullText { get; set; }

        [Display(Name = "WebhooksAllowPrivateAddresses")]
        public bool WebhooksAllowPrivateAddresses { get; set; }

        [StringLength(400)]
        [Display(Name = "EditionLanguages")]
        public string? EditionLanguages { get; set; }

        [StringLength(400)]
        [Display(Name = "MachineTranslationUrl")]
        public string? MachineTranslationUrl { get; set; }

        // Protected, a key grows to about twice its length plus a hundred characters: 400 in the database.
        [StringLength(140, ErrorMessage = "ErrorTooLong")]
        [Display(Name = "MachineTranslationApiKey")]
        public string? MachineTranslationApiKey { get; set; }

        [Display(Name = "ForgetMachineTranslationKey")]
        public bool ForgetMachineTranslationKey { get; set; }
    }
}
