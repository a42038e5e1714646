using System.ComponentModel.DataAnnotations;
using System.Security.Claims;

using Gazette.Accounts;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Media;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Media;

/// <summary>
/// One library image: every newsroom role may see it and use it; its uploader and editors may change its alt text,
/// caption and credit or delete it, as they are the ones answerable for what it says.
/// </summary>
public sealed class EditModel(GazetteDb db, MediaLibrary library) : PageModel
{
    [BindProperty]
    public DetailsForm Form { get; set; } = new();

    public MediaItem Item { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool uploaded, bool duplicate, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Form = new DetailsForm { AltText = Item.AltText, Caption = Item.Caption, Credit = Item.Credit };
        Notice = uploaded ? NewsroomLabels.Current["ImageUploaded"]
            : duplicate ? NewsroomLabels.Current["ImageDuplicate"]
            : saved ? NewsroomLabels.Current["Saved"] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!CanEdit)
            return Forbid();
        if (!ModelState.IsValid)
            return Page();
        Item.AltText = Form.AltText.Trim();
        Item.Caption = string.IsNullOrWhiteSpace(Form.Caption) ? null : Form.Caption.Trim();
        Item.Credit = string.IsNullOrWhiteSpace(Form.Credit) ? null : Form.Credit.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/admin/media/{id}?saved=true");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!CanEdit)
            return Forbid();
        var uses = await library.UsesAsync(Item, cancellationToken);
        if (uses > 0)
        {
            ModelState.Clear();
            Form = new DetailsForm { AltText = Item.AltText, Caption = Item.Caption, Credit = Item.Credit };
            Problem = NewsroomLabels.Current.Plural("ImageUsed", uses);
            return Page();
        }
        await library.DeleteAsync(Item, cancellationToken);
        return Redirect("/admin/media");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.MediaItems.FindAsync([id], cancellationToken) is not { } item)
            return false;
        Item = item;
        CanEdit = User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Administrator)
                  || (item.UploadedByUserId is not null && item.UploadedByUserId == User.FindFirstValue(ClaimTypes.NameIdentifier));
        return true;
    }

    /// <summary>The words that travel with an image; the upload form asks for the same ones.</summary>
    public class DetailsForm
    {
        [Required(ErrorMessage = "ErrorAltTextRequired")]
        [StringLength(MediaLibrary.MaxAltText, ErrorMessage = "ErrorAltTextTooLong")]
        public string AltText { get; set; } = "";

        [StringLength(2000, ErrorMessage = "ErrorCaptionTooLong")]
        public string? Caption { get; set; }

        [StringLength(300, ErrorMessage = "ErrorCreditTooLong")]
        public string? Credit { get; set; }
    }
}
