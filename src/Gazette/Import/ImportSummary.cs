namespace Gazette.Import;

/// <summary>What an import did, kind by kind, and everything it thinks a person should look at.</summary>
public sealed class ImportSummary
{
    private readonly SortedDictionary<string, Counts> countsByKind = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public sealed class Counts
    {
        public int Imported { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }
        public int Skipped { get; set; }
    }

    public Counts For(string kind)
    {
        if (!countsByKind.TryGetValue(kind, out var counts))
            countsByKind[kind] = counts = new Counts();
        return counts;
    }

    public IReadOnlyDictionary<string, Counts> All => countsByKind;

    public void Warn(string warning) => Warnings.Add(warning);

    public IEnumerable<string> Lines()
    {
        foreach (var (kind, c) in countsByKind)
            yield return $"{kind}: {c.Imported} imported, {c.Updated} updated, {c.Unchanged} unchanged, {c.Skipped} skipped";
        yield return Warnings.Count == 0 ? "no warnings" : $"{Warnings.Count} warning(s):";
        foreach (var warning in Warnings)
            yield return "  - " + warning;
    }
}
