using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>My account: the name shown in the newsroom, the comment notifications, and the way to the password, two-factor and passkey pages.</summary>
public sealed class IndexModel(UserManager<GazetteUser> users, SignInManager<GazetteUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "ErrorEnterYourName")]
    [StringLength(100, ErrorMessage = "ErrorAtMost100")]
    [Display(Name = "NameShownInNewsroom")]
    public string DisplayName { get; set; } = "";

    /// <summary>One of the interface languages, or empty to follow the browser.</summary>
    [BindProperty]
    [Display(Name = "InterfaceLanguage")]
    public string? InterfaceLanguage { get; set; }

    [BindProperty]
    [Display(Name = "NotifyOfComments")]
    public bool NotifyOfComments { get; set; }

    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Load(user);
        DisplayName = user.DisplayName;
        InterfaceLanguage = user.InterfaceLanguage;
        NotifyOfComments = user.NotifyOfComments;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Load(user);
        var language = NewsroomLabels.Supported(InterfaceLanguage);
        if (!string.IsNullOrWhiteSpace(InterfaceLanguage) && language is null)
            ModelState.AddModelError(nameof(InterfaceLanguage), NewsroomLabels.Current["UnknownLanguage"]);
        if (!ModelState.IsValid)
            return Page();
        user.DisplayName = DisplayName.Trim();
        user.InterfaceLanguage = language;
        user.NotifyOfComments = NotifyOfComments;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(DisplayName), string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        // Redirect so the page shows in the language just chosen (the request culture was set before this post).
        return RedirectToPage(new { saved = true });
    }

    private void Load(GazetteUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
