using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

using SkiaSharp;

namespace Gazette.Tests.Media;

/// <summary>Images made in the test, good and hostile.</summary>
public static class TestImages
{
    /// <summary>A JPEG whose left half is red and right half blue, with random specks so no two are the same file.</summary>
    public static byte[] Jpeg(int width, int height, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.DrawRect(0, 0, width / 2f, height, new SKPaint { Color = SKColors.Red });
            canvas.DrawRect(width / 2f, 0, width / 2f, height, new SKPaint { Color = SKColors.Blue });
            var random = new Random(Random.Shared.Next());
            using var speck = new SKPaint { Color = SKColors.White };
            for (var i = 0; i < width * height / 400; i++)
                canvas.DrawPoint(random.Next(width), random.Next(height), speck);
        }
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SeaGreen);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The JPEG with an EXIF block saying "rotate 90° clockwise to view" and a GPS tag, right after the start marker.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(LittleEndian32(8));
        tiff.AddRange(LittleEndian16(2)); // two entries
        tiff.AddRange(LittleEndian16(0x0112)); // Orientation, SHORT, 1 value
        tiff.AddRange(LittleEndian16(3));
        tiff.AddRange(LittleEndian32(1));
        tiff.AddRange(LittleEndian16(orientation));
        tiff.AddRange(LittleEndian16(0));
        tiff.AddRange(LittleEndian16(0x010E)); // ImageDescription, ASCII, 4 bytes inline: a marker to look for
        tiff.AddRange(LittleEndian16(2));
        tiff.AddRange(LittleEndian32(4));
        tiff.AddRange("GPS\0"u8.ToArray());
        tiff.AddRange(LittleEndian32(0)); // no next IFD
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new List<byte> { 0xFF, 0xE1 };
        segment.AddRange(BigEndian16((ushort)(payload.Length + 2)));
        segment.AddRange(payload);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A PNG header declaring <paramref name="width"/> × <paramref name="height"/> grey pixels, with zeros as its (compressed) data.</summary>
    public static byte[] PngDeclaring(int width, int height, long zeroBytes = 0)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        WriteChunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var zeros = new byte[1 << 20];
                for (var left = zeroBytes; left > 0; left -= zeros.Length)
                    zlib.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
            }
            WriteChunk(output, "IDAT", compressed.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        output.Write(BigEndian32((uint)data.Length));
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        output.Write(BigEndian32(Crc32(typeAndData)));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static byte[] LittleEndian16(ushort value) => [(byte)value, (byte)(value >> 8)];
    private static byte[] LittleEndian32(uint value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
    private static byte[] BigEndian16(ushort value) => [(byte)(value >> 8), (byte)value];
    private static byte[] BigEndian32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    /// <summary>Whether the JPEG still has an EXIF APP1 segment anywhere before its image data.</summary>
    public static bool HasExif(byte[] jpeg)
    {
        for (var i = 2; i + 10 < jpeg.Length && jpeg[i] == 0xFF;)
        {
            var marker = jpeg[i + 1];
            if (marker == 0xDA)
                return false; // start of scan: no more metadata segments
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker == 0xE1 && jpeg.AsSpan(i + 4, 4).SequenceEqual("Exif"u8))
                return true;
            i += 2 + length;
        }
        return false;
    }
}
