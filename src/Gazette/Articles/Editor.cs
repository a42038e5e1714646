namespace Gazette.Articles;

/// <summary>Who saves a story, as its revisions remember them: a newsroom user, or the system (import, demo content, scheduler).</summary>
public sealed record Editor(string? UserId, string Name)
{
    public static readonly Editor System = new(null, "system");
}
