using System.ComponentModel.DataAnnotations;

using Gazette.Accounts;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Admin.Account;

/// <summary>The newsroom's sign-in: e-mail and password, with lockout after repeated failures.</summary>
public sealed class SignInModel(SignInManager<GazetteUser> signIn, UserManager<GazetteUser> users) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByEmailAsync(Form.Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Admin/Account/TwoFactor", new { returnUrl = ReturnUrl });
        // One message for unknown e-mail and wrong password, so the form does not reveal who has an account.
        Problem = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "The e-mail or the password is not right.";
        return Page();
    }

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(200)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
