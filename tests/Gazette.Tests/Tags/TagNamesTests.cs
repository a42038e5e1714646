using Gazette.Tags;

namespace Gazette.Tests.Tags;

public sealed class TagNamesTests
{
    [Fact]
    public void A_name_in_a_script_slugs_cannot_spell_keeps_its_tag_with_a_stable_address()
    {
        var names = TagNames.Split("東京, Port Aurel, 東京 , שלום");

        Assert.Equal(["東京", "Port Aurel", "שלום"], names);
        var slug = TagNames.SlugOf("東京");
        Assert.Matches("^tag-[0-9a-f]{10}$", slug);
        Assert.Equal(slug, TagNames.SlugOf(" 東京 "));
        Assert.NotEqual(slug, TagNames.SlugOf("שלום"));
        Assert.Equal("port-aurel", TagNames.SlugOf("Port Aurel"));
        Assert.Empty(TagNames.Split(" , ?!, ---"));
    }
}
