using Gazette.Localization;
using Gazette.Text.Languages;

namespace Gazette.Tests.Localization;

/// <summary>
/// Which registry languages the interface speaks, and which fall back to English: the interface list is the
/// registry's, and a language added without translations gets the English labels rather than keys or errors.
/// </summary>
public sealed class InterfaceFallbackTests
{
    private static readonly string Folder = Path.Combine(SourceTree.Root, "src", "Gazette", "Localization");

    [Fact]
    public void Portuguese_falls_back_to_english_and_the_seven_others_have_their_own_interface()
    {
        var translated = LanguageRegistry.All.Where(language => language.HasInterface).Select(language => language.Code);
        var fallingBack = LanguageRegistry.All.Where(language => !language.HasInterface).Select(language => language.Code);

        Assert.Equal(["en", "fr", "nl", "de", "es", "it", "ar"], LanguageRegistry.InterfaceLanguages);
        Assert.Equal(["ar", "de", "en", "es", "fr", "it", "nl"], translated.Order());
        Assert.Equal(["pt"], fallingBack);
        Assert.Equal(LanguageRegistry.InterfaceLanguages, Labels.Languages);
        Assert.Equal(LanguageRegistry.InterfaceLanguages, NewsroomLabels.Languages);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("ar")]
    public void A_translated_language_has_both_label_files(string code)
    {
        Assert.True(File.Exists(Path.Combine(Folder, $"Labels.{code}.resx")));
        Assert.True(File.Exists(Path.Combine(Folder, $"Newsroom.{code}.resx")));
        Assert.NotEqual(Labels.For("en")["Share"], Labels.For(code)["Share"]);
        Assert.Equal(code, NewsroomLabels.Supported(code));
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("pt-BR")]
    public void Portuguese_pages_and_newsroom_speak_english(string tag)
    {
        Assert.False(File.Exists(Path.Combine(Folder, "Labels.pt.resx")));
        Assert.False(File.Exists(Path.Combine(Folder, "Newsroom.pt.resx")));
        foreach (var key in new[] { "Share", "ReadAlso", "By" })
            Assert.Equal(Labels.For("en")[key], Labels.For(tag)[key]);
        Assert.Equal("ltr", Labels.For(tag).Direction);
        // The newsroom offers no Portuguese: a member asking for it gets English.
        Assert.Null(NewsroomLabels.Supported(tag));
        Assert.Equal("en", NewsroomLabels.For(tag).Culture.Name);
    }
}
