using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;

namespace Gazette.Pages;

/// <summary>What a reader sees instead of a page: "not found" with a search box, "bad address", or "something went wrong".</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(SiteContext site) : GazettePageModel(site)
{
    public int Code { get; private set; }
    public Labels Labels { get; private set; } = null!;

    public async Task OnGetAsync(int code, CancellationToken cancellationToken)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        // Reached directly (not re-executed for another page's status), the page answers with its own code.
        Response.StatusCode = Code;
        try
        {
            await LoadSiteAsync(cancellationToken);
        }
        catch (Exception) when (Code >= 500)
        {
            // The database may be what failed: the error page must still show.
            ViewData["Site"] = null;
        }
        var language = (ViewData["Site"] as SiteContext.Snapshot)?.Settings.DefaultLanguage ?? "en";
        Labels = Labels.For(language);
        if (Code == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var titleKey = Code switch { 404 => "NotFoundTitle", 400 => "BadRequestTitle", 503 => "UnavailableTitle", _ => "ErrorTitle" };
        SetMeta(new PageMeta { Title = Labels[titleKey], Language = language, NoIndex = true });
    }

    public Task OnPostAsync(int code, CancellationToken cancellationToken) => OnGetAsync(code, cancellationToken);
}
