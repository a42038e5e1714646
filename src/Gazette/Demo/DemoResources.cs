namespace Gazette.Demo;

/// <summary>
/// The demo story files and images, embedded in the assembly (see Gazette.csproj) so that <c>dotnet run</c>,
/// the tests and a published build all find them wherever the working directory is.
/// </summary>
internal static class DemoResources
{
    private const string Prefix = "Gazette.Demo.";

    /// <summary>The file names under <paramref name="folder"/> (e.g. <c>articles/</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> Names(string folder)
    {
        var prefix = Prefix + folder.TrimEnd('/') + ".";
        return [.. typeof(DemoResources).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n[prefix.Length..])
            .Order(StringComparer.Ordinal)];
    }

    public static string ReadText(string path)
    {
        using var reader = new StreamReader(Open(path));
        return reader.ReadToEnd();
    }

    public static byte[] ReadBytes(string path)
    {
        using var stream = Open(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Stream Open(string path) =>
        typeof(DemoResources).Assembly.GetManifestResourceStream(Prefix + path.Replace('/', '.'))
        ?? throw new FileNotFoundException($"The demo resource {path} is not embedded in the assembly.");
}
