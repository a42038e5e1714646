using Gazette.Accounts;
using Gazette.Comments;
using Gazette.Localization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Comments;

/// <summary>A commenter's data on request, for administrators: everything under an e-mail address, as JSON, or erased.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class PrivacyModel(CommentPrivacy privacy) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public IReadOnlyList<CommentPrivacy.StoredComment>? Found { get; private set; }
    public string? Notice { get; private set; }

    public void OnGet() => ViewData["Title"] = NewsroomLabels.Current["CommentPrivacy"];

    public async Task OnPostFindAsync(CancellationToken cancellationToken)
    {
        OnGet();
        if (Valid())
            Found = await privacy.FindAsync(Email!, cancellationToken);
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        OnGet();
        if (!Valid())
            return Page();
        return File(await privacy.ExportAsync(Email!, cancellationToken), "application/json", "comments.json");
    }

    public async Task OnPostEraseAsync(CancellationToken cancellationToken)
    {
        OnGet();
        if (!Valid())
            return;
        if (!Confirm)
        {
            Notice = NewsroomLabels.Current["TickToConfirm"];
            Found = await privacy.FindAsync(Email!, cancellationToken);
            return;
        }
        var erased = await privacy.EraseAsync(Email!, cancellationToken);
        Notice = NewsroomLabels.Current.Plural("Erased", erased, Email!.Trim());
    }

    private bool Valid()
    {
        if (CommentInput.NormalizeEmail(Email) is not null)
            return true;
        Notice = NewsroomLabels.Current["EnterCommenterEmail"];
        return false;
    }
}
