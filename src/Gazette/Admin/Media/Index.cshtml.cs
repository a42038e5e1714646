using System.Security.Claims;

using Gazette.Data;
using Gazette.Localization;
using Gazette.Media;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Media;

/// <summary>The media library: every image with its thumbnail, newest first, and the upload form.</summary>
[UploadSizeLimit]
public sealed class IndexModel(GazetteDb db, MediaLibrary library) : PageModel
{
    public const int PageSize = 24;

    [BindProperty]
    public UploadForm Form { get; set; } = new();

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public string? Query { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int LimitMegabytes { get; private set; }

    /// <summary>The <c>?page=</c> query value ("page" alone would bind the Razor page's own route value).</summary>
    [FromQuery(Name = "page")]
    public string? RawPage { get; set; }

    public async Task<IActionResult> OnGetAsync(string? q, bool tooLarge, CancellationToken cancellationToken)
    {
        if (!Site.PageNumber.TryParse(RawPage, out var number))
            return NotFound();
        if (tooLarge)
            ModelState.AddModelError("Form.File", NewsroomLabels.Current.Format("FileTooLarge", await LimitAsync(cancellationToken)));
        await LoadAsync(q, number, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Form.File is null)
            ModelState.AddModelError("Form.File", NewsroomLabels.Current["ChooseImageFile"]);
        if (!ModelState.IsValid)
            return await RedisplayAsync(cancellationToken);
        try
        {
            var file = Form.File!;
            var result = await library.UploadAsync(new MediaUpload(file.FileName, file.Length, file.OpenReadStream,
                Form.AltText, Form.Caption, Form.Credit, User.FindFirstValue(ClaimTypes.NameIdentifier)), cancellationToken);
            return Redirect($"/admin/media/{result.Item.Id}?{(result.AlreadyInLibrary ? "duplicate" : "uploaded")}=true");
        }
        catch (ImageRejectedException rejected)
        {
            ModelState.AddModelError("Form.File", rejected.Message);
            return await RedisplayAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(null, 1, cancellationToken);
        return Page();
    }

    private async Task<int> LimitAsync(CancellationToken cancellationToken) =>
        (int)(await library.LimitBytesAsync(cancellationToken) / (1024 * 1024));

    private async Task LoadAsync(string? q, int page, CancellationToken cancellationToken)
    {
        LimitMegabytes = await LimitAsync(cancellationToken);
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var items = MediaSearch.Matching(db.MediaItems.AsNoTracking(), Query);
        var count = await items.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        PageNumber = Math.Min(page, PageCount);
        Items = await items.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }

    public sealed class UploadForm : EditModel.DetailsForm
    {
        public IFormFile? File { get; set; }
    }
}
