using Gazette.Accounts;
using Gazette.Comments;

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

    public void OnGet() => ViewData["Title"] = "Comment privacy requests";

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
            Notice = "Tick the box to confirm the erasure.";
            Found = await privacy.FindAsync(Email!, cancellationToken);
            return;
        }
        var erased = await privacy.EraseAsync(Email!, cancellationToken);
        Notice = $"{erased} comment{(erased == 1 ? "" : "s")} of {Email!.Trim()} erased.";
    }

    private bool Valid()
    {
        if (CommentInput.NormalizeEmail(Email) is not null)
            return true;
        Notice = "Enter the commenter's e-mail address.";
        return false;
    }
}
