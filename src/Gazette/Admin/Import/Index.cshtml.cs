using Gazette.Accounts;
using Gazette.Import;
using Gazette.Import.WordPress;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Import;

/// <summary>
/// The WordPress import for administrators who do not use the command line. The upload is written to a temporary
/// file first, because the importer reads the export twice (check everything, then write).
/// </summary>
[Authorize(Policy = Policies.Administer)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class IndexModel(WordPressImporter importer, SiteContext site, ILogger<IndexModel> logger) : PageModel
{
    private const long MaxBytes = 2L * 1024 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Export { get; set; }

    [BindProperty]
    public string? UploadsFolder { get; set; }

    [BindProperty]
    public bool Download { get; set; }

    public ImportSummary? Summary { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Export is null || Export.Length == 0)
            ModelState.AddModelError(nameof(Export), NewsroomLabels.Current["ImportChooseFile"]);
        var uploads = string.IsNullOrWhiteSpace(UploadsFolder) ? null : UploadsFolder.Trim();
        if (uploads is not null && !Directory.Exists(uploads))
            ModelState.AddModelError(nameof(UploadsFolder), NewsroomLabels.Current.Format("ImportNoFolder", uploads));
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var file = Path.Combine(Path.GetTempPath(), $"gazette-wxr-{Guid.NewGuid():N}.xml");
        try
        {
            await using (var target = System.IO.File.Create(file))
                await Export!.CopyToAsync(target, cancellationToken);
            // From the web, downloads reach private networks only when the administrator allowed outgoing requests
            // there (the same setting as webhooks): the page must not become a way to probe the server's network.
            var allowPrivate = (await site.GetAsync(cancellationToken)).Settings.WebhooksAllowPrivateAddresses;
            Summary = await importer.ImportAsync(file, new WordPressImportOptions(uploads, Download, AllowPrivateAddresses: allowPrivate), cancellationToken);
            logger.LogInformation("WordPress import by {User}: {Summary}", User.Identity?.Name, string.Join("; ", Summary.Lines().Take(6)));
        }
        catch (WxrFormatException e)
        {
            Error = $"{Export!.FileName}: {e.Message}. Nothing was imported.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        finally
        {
            System.IO.File.Delete(file);
        }
        return Page();
    }
}
