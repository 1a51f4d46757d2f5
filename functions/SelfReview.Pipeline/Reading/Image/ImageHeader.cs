using System.Buffers.Binary;

namespace SelfReview.Pipeline.Reading.Image;

/// <summary>
/// Reads page count and pixel size from an image's header without decoding it, so that limits are
/// checked before any OCR engine sees the file.
/// </summary>
public static class ImageHeader
{
    /// <summary>TIFF files with more frames than this are not followed further (a loop guard).</summary>
    private const int MaxTiffFrames = 10_000;

    /// <summary>The frames of a PNG, JPEG or TIFF; null when the header is damaged.</summary>
    public static IReadOnlyList<ImageFrame>? Read(ReadOnlySpan<byte> bytes, FileKind kind) => kind switch
    {
        FileKind.Png => Png(bytes),
        FileKind.Jpeg => Jpeg(bytes),
        FileKind.Tiff => Tiff(bytes),
        _ => null,
    };

    // PNG: the IHDR chunk comes first, width and height big-endian at bytes 16–23 (PNG spec 11.2.2).
    private static ImageFrame[]? Png(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 24 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(bytes[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes[20..]);
        return width > 0 && height > 0 ? [new ImageFrame(width, height)] : null;
    }

    // JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 except DHT C4, JPG C8,
    // DAC CC); its height and width are big-endian at offsets 5 and 7 of the segment (ITU T.81 B.2.2).
    private static ImageFrame[]? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 4 <= bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7)
            {
                i += 2; // markers without a length
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 9 > bytes.Length)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]);
                return width > 0 && height > 0 ? [new ImageFrame(width, height)] : null;
            }

            if (marker == 0xDA || length < 2)
            {
                return null; // image data before any frame header
            }

            i += 2 + length;
        }

        return null;
    }

    // TIFF: a chain of image file directories (IFDs), one per page; ImageWidth is tag 256 and
    // ImageLength tag 257, SHORT or LONG (TIFF 6.0, section 2 and 8).
    private static List<ImageFrame>? Tiff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            return null;
        }

        var little = bytes[0] == (byte)'I';
        var frames = new List<ImageFrame>();
        var seen = new HashSet<uint>();
        var offset = U32(bytes, 4, little);
        while (offset != 0)
        {
            // In long: an offset near uint.MaxValue must not wrap past the length check (a fuzzing finding).
            if ((long)offset + 2 > bytes.Length || !seen.Add(offset) || frames.Count >= MaxTiffFrames)
            {
                return null;
            }

            var count = U16(bytes, (int)offset, little);
            var entries = (int)offset + 2;
            if (entries + (count * 12) + 4 > bytes.Length)
            {
                return null;
            }

            int width = 0, height = 0;
            for (var e = 0; e < count; e++)
            {
                var entry = entries + (e * 12);
                var tag = U16(bytes, entry, little);
                var type = U16(bytes, entry + 2, little);
                if (tag is 256 or 257)
                {
                    var value = type == 3 ? U16(bytes, entry + 8, little) : (int)Math.Min(U32(bytes, entry + 8, little), int.MaxValue);
                    if (tag == 256)
                    {
                        width = value;
                    }
                    else
                    {
                        height = value;
                    }
                }
            }

            if (width <= 0 || height <= 0)
            {
                return null;
            }

            frames.Add(new ImageFrame(width, height));
            offset = U32(bytes, entries + (count * 12), little);
        }

        return frames.Count > 0 ? frames : null;
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);

    private static uint U32(ReadOnlySpan<byte> bytes, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
}
