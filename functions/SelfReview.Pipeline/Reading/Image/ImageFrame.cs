namespace SelfReview.Pipeline.Reading.Image;

/// <summary>The size of one page (frame) of an image file.</summary>
public readonly record struct ImageFrame(int Width, int Height)
{
    public long Pixels => (long)Width * Height;
}
