using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gazette.Pages;

public class IndexModel : PageModel
{
    public void OnGet() => ViewData["Title"] = "Gazette";
}
