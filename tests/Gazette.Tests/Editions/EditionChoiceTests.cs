using Gazette.Editions;

using Microsoft.Net.Http.Headers;

namespace Gazette.Tests.Editions;

public sealed class EditionChoiceTests
{
    private static readonly string[] Editions = ["fr", "en", "pt-BR"];

    [Theory]
    [InlineData("en-GB,en;q=0.9", "en")]
    [InlineData("de;q=1, fr;q=0.5, en;q=0.8", "en")]
    [InlineData("pt", "pt-BR")]
    [InlineData("PT-br", "pt-BR")]
    [InlineData("de, *", null)]
    [InlineData("en;q=0", null)]
    public void The_first_acceptable_language_with_an_edition_wins(string header, string? expected)
    {
        Assert.True(StringWithQualityHeaderValue.TryParseList([header], out var values));
        Assert.Equal(expected, EditionChoice.Preferred(values, Editions));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true)]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0", true)]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0)", true)]
    [InlineData("facebookexternalhit/1.1", true)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", false)]
    [InlineData("", false)]
    public void Crawlers_are_told_apart_from_browsers(string userAgent, bool crawler) =>
        Assert.Equal(crawler, EditionChoice.IsCrawler(userAgent));

    [Theory]
    [InlineData("fr", "Français")]
    [InlineData("nl", "Nederlands")]
    [InlineData("en", "English")]
    [InlineData("de", "Deutsch")]
    [InlineData("xx-nonsense", "xx-nonsense")]
    public void Languages_are_named_in_themselves_capitalised(string tag, string name) =>
        Assert.Equal(name, LanguageTags.NativeName(tag));
}
