using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>My account: the name shown in the newsroom, the comment notifications, and the way to the password, two-factor and passkey pages.</summary>
public sealed class IndexModel(UserManager<GazetteUser> users, SignInManager<GazetteUser> signIn) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    [Display(Name = "Name shown in the newsroom")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    [Display(Name = "E-mail me about new comments on the stories I write or moderate")]
    public bool NotifyOfComments { get; set; }

    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Load(user);
        DisplayName = user.DisplayName;
        NotifyOfComments = user.NotifyOfComments;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        Load(user);
        if (!ModelState.IsValid)
            return Page();
        user.DisplayName = DisplayName.Trim();
        user.NotifyOfComments = NotifyOfComments;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(DisplayName), string.Join(" ", result.Errors.Select(e => e.Description)));
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Saved = true;
        return Page();
    }

    private void Load(GazetteUser user)
    {
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
    }
}
