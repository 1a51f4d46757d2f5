using System.Buffers.Binary;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Image;

namespace SelfReview.Tests.Reading.Image;

public sealed class ImageHeaderTests
{
    [Fact]
    public void Read_GivesTheSizeOfAPng()
    {
        var frames = ImageHeader.Read(File.ReadAllBytes(TestFiles.SeedPage1Png), FileKind.Png);

        Assert.Equal([new ImageFrame(1654, 2339)], frames);
    }

    [Fact]
    public void Read_GivesTheSizeOfAJpeg_FromItsFrameHeader()
    {
        var frames = ImageHeader.Read(File.ReadAllBytes(TestFiles.SeedPhoneJpg), FileKind.Jpeg);

        Assert.Equal([new ImageFrame(1288, 4942)], frames);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_CountsTheFramesOfAMultiPageTiff_InEitherByteOrder(bool littleEndian)
    {
        var frames = ImageHeader.Read(Tiff(littleEndian, (2480, 3508), (1240, 1754), (70000, 3)), FileKind.Tiff);

        Assert.Equal([new ImageFrame(2480, 3508), new ImageFrame(1240, 1754), new ImageFrame(70000, 3)], frames);
    }

    [Fact]
    public void Read_ReturnsNull_ForADamagedHeader()
    {
        var png = File.ReadAllBytes(TestFiles.SeedPage1Png)[..20];
        var tiffLoop = Tiff(true, (100, 100));
        BinaryPrimitives.WriteUInt32LittleEndian(tiffLoop.AsSpan(8 + 2 + (3 * 12)), 8); // the next IFD is the first again

        Assert.Null(ImageHeader.Read(png, FileKind.Png));
        Assert.Null(ImageHeader.Read([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02], FileKind.Jpeg));
        Assert.Null(ImageHeader.Read(tiffLoop, FileKind.Tiff));
    }

    /// <summary>A TIFF with one IFD per frame (ImageWidth SHORT or LONG, ImageLength LONG, Compression SHORT) and no pixel data.</summary>
    internal static byte[] Tiff(bool littleEndian, params (int Width, int Height)[] frames)
    {
        const int IfdSize = 2 + (3 * 12) + 4;
        var bytes = new byte[8 + (frames.Length * IfdSize)];
        var span = bytes.AsSpan();
        span[0] = span[1] = (byte)(littleEndian ? 'I' : 'M');
        Write16(span[2..], 42);
        Write32(span[4..], 8);
        for (var f = 0; f < frames.Length; f++)
        {
            var at = 8 + (f * IfdSize);
            Write16(span[at..], 3);
            var width = frames[f].Width;
            Entry(at + 2, 256, width <= ushort.MaxValue ? (ushort)3 : (ushort)4, (uint)width);
            Entry(at + 14, 257, 4, (uint)frames[f].Height);
            Entry(at + 26, 259, 3, 4); // CCITT G4
            Write32(span[(at + 38)..], f + 1 < frames.Length ? (uint)(at + IfdSize) : 0);
        }

        return bytes;

        void Entry(int at, ushort tag, ushort type, uint value)
        {
            Write16(bytes.AsSpan(at), tag);
            Write16(bytes.AsSpan(at + 2), type);
            Write32(bytes.AsSpan(at + 4), 1);
            if (type == 3)
            {
                Write16(bytes.AsSpan(at + 8), (ushort)value);
            }
            else
            {
                Write32(bytes.AsSpan(at + 8), value);
            }
        }

        void Write16(Span<byte> s, ushort v)
        {
            if (littleEndian)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(s, v);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(s, v);
            }
        }

        void Write32(Span<byte> s, uint v)
        {
            if (littleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(s, v);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(s, v);
            }
        }
    }
}
