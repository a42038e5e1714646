using System.Globalization;
using System.Resources;

using Gazette.Text.Languages;

namespace Gazette.Localization;

/// <summary>How both label sets store plural forms: <c>Key_one</c>, <c>Key_few</c>… per CLDR category.</summary>
internal static class PluralForms
{
    /// <summary>The text for <paramref name="count"/>'s plural category in <paramref name="culture"/>; else <c>Key_other</c>; else the key.</summary>
    public static string Pattern(ResourceManager resources, CultureInfo culture, string key, long count)
    {
        var category = PluralRules.CategoryOf(culture.Name, count).ToString().ToLowerInvariant();
        return resources.GetString($"{key}_{category}", culture) ?? resources.GetString($"{key}_other", culture) ?? key;
    }
}
