using Gazette.Articles;
using Gazette.Site;
using Gazette.Translations;

namespace Gazette.Admin.Articles;

/// <summary>What the translations panel shows for a story (on the editor and on its translations page).</summary>
public sealed record TranslationsPanel(Article Story, IReadOnlyList<TranslationEntry> Group, bool MachineTranslationAvailable,
    IReadOnlyList<string> SuggestedLanguages, NewsroomUser Me);

public sealed class TranslationsPanels(ArticleTranslations translations, SiteContext siteContext)
{
    public async Task<TranslationsPanel> LoadAsync(Article story, NewsroomUser me, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken);
        var group = await translations.GroupOfAsync(story, cancellationToken);
        var suggested = Editions.Edition.LanguagesOf(site.Settings)
            .Where(l => !string.Equals(l, story.Language, StringComparison.OrdinalIgnoreCase)
                        && group.All(g => !string.Equals(g.Language, l, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return new TranslationsPanel(story, group, MachineTranslator.IsConfigured(site.Settings), suggested, me);
    }
}
