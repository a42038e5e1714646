using System.Buffers.Binary;

using SkiaSharp;

namespace Gazette.Media;

/// <summary>Why an upload is refused, in words for the person who chose the file.</summary>
/// <summary>Why an upload was refused, in the newsroom's language: a <c>Newsroom.resx</c> key and its arguments.</summary>
public sealed class ImageRejectedException(string key, params object?[] args) : Exception(Localization.NewsroomLabels.Current.Format(key, args))
{
    public string Key { get; } = key;
}

public enum ImageKind
{
    Jpeg,
    Png,
    Gif,
    Webp,
}

/// <summary>One file to store next to the others of an image, e.g. <c>960.webp</c>.</summary>
public sealed record ImageVariant(string FileName, byte[] Content);

/// <summary>An accepted image: its upright size and every variant to store.</summary>
public sealed record ProcessedImage(ImageKind Kind, int Width, int Height, IReadOnlyList<int> Widths, IReadOnlyList<ImageVariant> Variants);

/// <summary>
/// Checks an uploaded image and makes its public variants. The type comes from the file's first bytes, the size from
/// its header before a single pixel is decoded; everything published is re-encoded from pixels, so no metadata
/// (EXIF, GPS, comments, colour-profile tricks) survives, and the EXIF orientation is applied to the pixels first.
/// </summary>
public static class ImageProcessor
{
    public static readonly int[] VariantWidths = [480, 960, 1600];
    public const int MaxSide = 12_000;
    public const long MaxPixels = 50_000_000;
    private const int WebpQuality = 80;
    private const int JpegQuality = 85;

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>At most two images decoded at once: each may take a few hundred megabytes of pixels.</summary>
    private static readonly SemaphoreSlim Decoding = new(2);

    public static string ContentType(ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.Png => "image/png",
        ImageKind.Gif => "image/gif",
        _ => "image/webp",
    };

    /// <summary>The extension of the variants in the image's own family: GIF stills become PNG.</summary>
    public static string FallbackExtension(string contentType) => contentType switch
    {
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        _ => "png",
    };

    /// <summary>What the first bytes say the file is; null for anything but the four accepted formats.</summary>
    public static ImageKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head is [0xFF, 0xD8, 0xFF, ..])
            return ImageKind.Jpeg;
        if (head.StartsWith(PngSignature))
            return ImageKind.Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return ImageKind.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return ImageKind.Webp;
        return null;
    }

    /// <summary>A name for what a refused file seems to be, so the message can say more than "wrong type".</summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head[..Math.Min(head.Length, 1024)]);
        if (head.StartsWith("%PDF"u8))
            return Localization.NewsroomLabels.Current["FileKindPdf"];
        if (text.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            return Localization.NewsroomLabels.Current["FileKindSvg"];
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            return Localization.NewsroomLabels.Current["FileKindTiff"];
        if (head.Length > 12 && head[4..12].SequenceEqual("ftypheic"u8))
            return Localization.NewsroomLabels.Current["FileKindHeic"];
        if (!text.Contains('\uFFFD') && text.All(c => !char.IsControl(c) || char.IsWhiteSpace(c)))
            return Localization.NewsroomLabels.Current["FileKindText"];
        return Localization.NewsroomLabels.Current["FileKindUnknown"];
    }

    public static async Task<ProcessedImage> ProcessAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var kind = Sniff(bytes) ?? throw new ImageRejectedException(
            "ImageTypeRefused", Describe(bytes));
        await Decoding.WaitAsync(cancellationToken);
        try
        {
            return Process(bytes, kind);
        }
        finally
        {
            Decoding.Release();
        }
    }

    /// <summary>
    /// The size a PNG or GIF header declares, read by hand: a decoder may refuse an absurd size with no more than
    /// "cannot read", and the person uploading deserves to hear the real reason.
    /// </summary>
    public static (int Width, int Height)? DeclaredSize(ReadOnlySpan<byte> head, ImageKind kind) => kind switch
    {
        ImageKind.Png when head.Length >= 24 && head[12..16].SequenceEqual("IHDR"u8) =>
            (BinaryPrimitives.ReadInt32BigEndian(head[16..]), BinaryPrimitives.ReadInt32BigEndian(head[20..])),
        ImageKind.Gif when head.Length >= 10 =>
            (BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..])),
        _ => null,
    };

    private static void RefuseHuge(int width, int height)
    {
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
            throw new ImageRejectedException(
                "ImageTooManyPixels", width, height, MaxSide, MaxPixels / 1_000_000);
    }

    private static ProcessedImage Process(byte[] bytes, ImageKind kind)
    {
        if (DeclaredSize(bytes, kind) is var (declaredWidth, declaredHeight))
            RefuseHuge(declaredWidth, declaredHeight);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageRejectedException("ImageUnreadable", kind.ToString().ToUpperInvariant());
        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0)
            throw new ImageRejectedException("ImageNoPixels");
        RefuseHuge(width, height);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, kind == ImageKind.Jpeg ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
            throw new ImageRejectedException("ImageDamaged", kind.ToString().ToUpperInvariant(), result);

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var widths = VariantWidths.Where(w => w < upright.Width).Append(Math.Min(upright.Width, VariantWidths[^1])).Distinct().Order().ToList();
        var fallback = kind switch
        {
            ImageKind.Jpeg => SKEncodedImageFormat.Jpeg,
            ImageKind.Webp => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Png,
        };
        var variants = new List<ImageVariant>();
        foreach (var w in widths)
        {
            var h = Math.Max(1, (int)Math.Round((double)upright.Height * w / upright.Width));
            using var resized = w == upright.Width ? upright.Copy() : upright.Resize(new SKImageInfo(w, h, upright.ColorType, upright.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(resized);
            variants.Add(new ImageVariant($"{w}.webp", Encode(image, SKEncodedImageFormat.Webp, WebpQuality)));
            if (fallback != SKEncodedImageFormat.Webp)
                variants.Add(new ImageVariant($"{w}.{FallbackExtension(ContentType(kind))}", Encode(image, fallback, JpegQuality)));
        }
        return new ProcessedImage(kind, upright.Width, upright.Height, widths, variants);
    }

    private static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var encoded = image.Encode(format, quality)
            ?? throw new ImageRejectedException("ImageNotConverted");
        return encoded.ToArray();
    }

    /// <summary>Turns the pixels the way the camera's EXIF orientation says, so the picture stands upright without it.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or 0)
            return source.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var target = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return target;
    }
}
