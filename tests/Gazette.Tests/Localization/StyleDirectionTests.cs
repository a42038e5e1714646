using System.Text.RegularExpressions;

namespace Gazette.Tests.Localization;

/// <summary>
/// The public styles mirror under dir="rtl" because they only use logical properties (margin-inline-start,
/// inset-inline-start, text-align: start…): a physical side anywhere would stay on the left in Arabic.
/// </summary>
public sealed partial class StyleDirectionTests
{
    [Theory]
    [InlineData("site.css")]
    [InlineData("print.css")]
    public void Public_styles_name_no_physical_side(string file)
    {
        var css = CssComment().Replace(File.ReadAllText(Path.Combine(SourceTree.Root, "src", "Gazette", "wwwroot", "css", file)), "");

        Assert.Empty(PhysicalSide().Matches(css).Select(m => m.Value));
        Assert.Empty(FourSides().Matches(css).Where(m => m.Groups[3].Value != m.Groups[5].Value).Select(m => m.Value));
    }

    [Fact]
    public void Directional_arrows_turn_round_in_right_to_left_pages()
    {
        var css = File.ReadAllText(Path.Combine(SourceTree.Root, "src", "Gazette", "wwwroot", "css", "site.css"));
        Assert.Matches(@"\[dir=""rtl""\] \.arrow \{[^}]*scaleX\(-1\)", css);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    /// <summary>left/right as a property, a property suffix or a value (float, text-align, clear…).</summary>
    [GeneratedRegex(@"(?<![\w-])(left|right)(?![\w-])|-(left|right)\b")]
    private static partial Regex PhysicalSide();

    /// <summary>margin/padding with four values: when right (3rd group) and left (5th) differ, a side is meant.</summary>
    [GeneratedRegex(@"(?<![\w-])(margin|padding)\s*:\s*([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s*[;}]")]
    private static partial Regex FourSides();
}
