using Gazette.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>Signing out is a POST (with antiforgery), so no link or image elsewhere can sign a journalist out.</summary>
public sealed class SignOutModel(SignInManager<GazetteUser> signIn) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
