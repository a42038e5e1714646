using System.Security.Claims;

using Gazette.Accounts;
using Gazette.Articles;

namespace Gazette.Tests.Articles;

/// <summary>
/// The rights table, role by role and action by action, on the stories a newsroom member meets: their own draft,
/// their own story in review, their own published story, someone else's draft, and one not yet written.
/// </summary>
public sealed class ArticleRightsTests
{
    private const string Me = "me";
    private const string All = "Save Submit Publish Schedule Unpublish";

    // What each role may do, by story; written out rather than derived, so a change to the rules shows here.
    private static readonly Dictionary<string, Dictionary<string, string>> Table = new()
    {
        [Roles.Contributor] = new() { ["own draft"] = "Save Submit", ["own in review"] = "Save Submit", ["own published"] = "", ["other's draft"] = "", ["new"] = "Save Submit" },
        [Roles.Author] = new() { ["own draft"] = All, ["own in review"] = All, ["own published"] = All, ["other's draft"] = "", ["new"] = "Save Submit Publish Schedule" },
        [Roles.Editor] = new() { ["own draft"] = All, ["own in review"] = All, ["own published"] = All, ["other's draft"] = All, ["new"] = "Save Submit Publish Schedule" },
        [Roles.Administrator] = new() { ["own draft"] = All, ["own in review"] = All, ["own published"] = All, ["other's draft"] = All, ["new"] = "Save Submit Publish Schedule" },
    };

    public static TheoryData<string, string, ArticleAction, bool> Cases()
    {
        var cases = new TheoryData<string, string, ArticleAction, bool>();
        foreach (var (role, stories) in Table)
            foreach (var (story, allowed) in stories)
                foreach (var action in Enum.GetValues<ArticleAction>())
                    cases.Add(role, story, action, allowed.Split(' ').Contains(action.ToString()));
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_role_may_take_exactly_its_steps(string role, string story, ArticleAction action, bool allowed)
    {
        var rights = RightsOf(role);

        Assert.Equal(allowed, story == "new" ? rights.AllowsNew(action) : rights.Allows(action, StoryFor(story)));
    }

    [Theory]
    [InlineData(Roles.Contributor, false, false)]
    [InlineData(Roles.Author, false, true)]
    [InlineData(Roles.Editor, true, true)]
    [InlineData(Roles.Administrator, true, true)]
    public void Who_sees_every_story_and_who_publishes(string role, bool editsAll, bool publishes)
    {
        var rights = RightsOf(role);

        Assert.Equal(editsAll, rights.EditsAll);
        Assert.Equal(publishes, rights.Publishes);
        Assert.Equal(editsAll, rights.CanOpen(StoryFor("other's draft")));
        Assert.True(rights.CanOpen(StoryFor("own published")));
    }

    [Theory]
    [InlineData(Roles.Contributor, "own draft", true)]
    [InlineData(Roles.Contributor, "own published", false)]
    [InlineData(Roles.Author, "own published", true)]
    [InlineData(Roles.Author, "other's draft", false)]
    [InlineData(Roles.Editor, "other's draft", true)]
    public void Deleting_follows_changing(string role, string story, bool allowed) =>
        Assert.Equal(allowed, RightsOf(role).CanDelete(StoryFor(story)));

    private static ArticleRights RightsOf(string role) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Me), new Claim(ClaimTypes.Role, role)], "tests")), Me);

    private static Article StoryFor(string story) => story switch
    {
        "own draft" => new() { Id = 1, Headline = "Mine", CreatedByUserId = Me, Status = ArticleStatus.Draft },
        "own in review" => new() { Id = 2, Headline = "Mine, in review", CreatedByUserId = Me, Status = ArticleStatus.InReview },
        "own published" => new() { Id = 3, Headline = "Mine, out", CreatedByUserId = Me, Status = ArticleStatus.Published, PublishedAt = DateTime.UtcNow },
        "other's draft" => new() { Id = 4, Headline = "Theirs", CreatedByUserId = "someone else", Status = ArticleStatus.Draft },
        _ => throw new ArgumentOutOfRangeException(nameof(story), story, null),
    };
}
