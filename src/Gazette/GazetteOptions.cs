namespace Gazette;

/// <summary>The <c>Gazette:*</c> configuration keys.</summary>
public sealed class GazetteOptions
{
    public const string SectionName = "Gazette";

    /// <summary>Folder for the SQLite file, media and the search index. Relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Fill an empty database with the demo stories.</summary>
    public bool DemoContent { get; set; } = true;

    /// <summary>How often the scheduler looks for stories whose publication time has come; zero or less turns it off.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
