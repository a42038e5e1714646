namespace Gazette;

/// <summary>The <c>Gazette:*</c> configuration keys.</summary>
public sealed class GazetteOptions
{
    public const string SectionName = "Gazette";

    /// <summary>Folder for the SQLite file, media and the search index. Relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Fill an empty database with the demo stories.</summary>
    public bool DemoContent { get; set; } = true;

    /// <summary>How often each node reads the change feed into its search index.</summary>
    public TimeSpan SearchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
