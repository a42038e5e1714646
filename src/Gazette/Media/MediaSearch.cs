namespace Gazette.Media;

public static class MediaSearch
{
    /// <summary>Items whose alt text, caption, credit or file name contain <paramref name="query"/> (any case).</summary>
    public static IQueryable<MediaItem> Matching(IQueryable<MediaItem> items, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
            return items;
        var q = query.Trim().ToLower();
        return items.Where(m => m.AltText.ToLower().Contains(q)
                                || (m.Caption != null && m.Caption.ToLower().Contains(q))
                                || (m.Credit != null && m.Credit.ToLower().Contains(q))
                                || m.OriginalFileName.ToLower().Contains(q));
    }
}
