namespace Gazette.Tests.Localization;

/// <summary>The repository the tests were built from, for tests that read source files (Razor views, styles, resources).</summary>
public static class SourceTree
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gazette.slnx")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Gazette.slnx above {AppContext.BaseDirectory}.");
    }
}
