using System.Globalization;
using System.Security.Claims;

using Gazette.Data;

using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Localization;

/// <summary>
/// The interface language of the newsroom pages (/admin and the account pages under it): the member's own
/// preference, else the browser's Accept-Language among the supported languages, else English. Public pages are
/// left alone: they speak the story's or the edition's language, whoever reads them.
/// </summary>
public static class NewsroomCulture
{
    public static IApplicationBuilder UseNewsroomCulture(this IApplicationBuilder app)
    {
        var cultures = NewsroomLabels.Languages.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new CustomRequestCultureProvider(PreferenceAsync),
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 },
            ],
        };
        return app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin => admin.UseRequestLocalization(options));
    }

    /// <summary>The signed-in member's chosen language; one primary-key lookup, only on newsroom pages.</summary>
    private static async Task<ProviderCultureResult?> PreferenceAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
            return null;
        var db = context.RequestServices.GetRequiredService<GazetteDb>();
        var language = await db.Users.Where(u => u.Id == id).Select(u => u.InterfaceLanguage).FirstOrDefaultAsync(context.RequestAborted);
        return NewsroomLabels.Supported(language) is { } supported ? new ProviderCultureResult(supported) : null;
    }
}
