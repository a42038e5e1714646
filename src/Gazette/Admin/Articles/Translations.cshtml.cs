using System.Globalization;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Translations;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary>
/// A story's translations: which languages exist and which are out of date, "Translate into…" (optionally pre-filled
/// by machine translation), approving a machine translation, and marking a translation up to date with its original.
/// </summary>
public sealed class TranslationsModel(GazetteDb db, ArticleTranslations translations, TranslationsPanels panels, ArticleEditor editor,
    UserManager<GazetteUser> users) : PageModel
{
    public Article Story { get; private set; } = null!;
    public TranslationsPanel Panel { get; private set; } = null!;
    public string? Problem { get; private set; }
    public NewsroomUser Me { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await OpenAsync(id, cancellationToken) ?? await ShowAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostTranslateAsync(int id, string? language, bool machine, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refusal)
            return refusal;
        language = language?.Trim() ?? "";
        if (!LanguageTag.IsValid(language))
            return await ShowAsync(Localization.NewsroomLabels.Current.Format("NotALanguageCode", language), cancellationToken);
        try
        {
            var translation = await translations.CreateAsync(Story, language, machine, Me.Editor, Me.Rights.UserId, cancellationToken);
            return Redirect($"/admin/stories/{translation.Id}?done=saved");
        }
        catch (Exception problem) when (problem is TranslationRefusedException or MachineTranslationException)
        {
            return await ShowAsync(problem.Message, cancellationToken);
        }
    }

    /// <summary>An editor has checked the machine's text: the story may now be published.</summary>
    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refusal)
            return refusal;
        if (!Me.Rights.Publishes || !Me.Rights.CanChange(Story))
            return Forbid();
        if (Story.MachineTranslated)
        {
            Story.MachineTranslated = false;
            await editor.SaveAsync(Story, Me.Editor, "approved the machine translation", cancellationToken);
        }
        return Redirect($"/admin/stories/{Story.Id}?done=saved");
    }

    /// <summary>The translation has been checked against its original's current text.</summary>
    public async Task<IActionResult> OnPostUpToDateAsync(int id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refusal)
            return refusal;
        if (!Me.Rights.CanChange(Story))
            return Forbid();
        if (await translations.MarkUpToDateAsync(Story, cancellationToken))
            await editor.SaveAsync(Story, Me.Editor, "marked up to date with its original", cancellationToken);
        return Redirect($"/admin/stories/{Story.Id}/translations");
    }

    private async Task<IActionResult?> OpenAsync(int id, CancellationToken cancellationToken)
    {
        Me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        var story = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (story is null)
            return NotFound();
        if (!Me.Rights.CanOpen(story))
            return Forbid();
        Story = story;
        return null;
    }

    private async Task<IActionResult> ShowAsync(string? problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Panel = await panels.LoadAsync(Story, Me, cancellationToken);
        if (problem is not null)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

/// <summary>What the newsroom may type as a language: a well-formed BCP 47 tag .NET knows.</summary>
public static class LanguageTag
{
    public static bool IsValid(string code)
    {
        if (code.Length is < 2 or > 35 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return false;
        try
        {
            return !CultureInfo.GetCultureInfo(code, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
