using SelfReview.Pipeline.Reading.Ocr.Paddle;

namespace SelfReview.Tests.Reading.Ocr.Paddle;

public sealed class CtcDecoderTests
{
    [Fact]
    public void Decode_CollapsesRepeats_DropsBlanks_AndKeepsARepeatAcrossABlank()
    {
        string[] characters = ["", "二", "是", " "];
        // Steps: 二 二 blank 是 是 blank 是 space → "二是是 " (是 twice: a blank separates them).
        int[] best = [1, 1, 0, 2, 2, 0, 2, 3];
        var steps = new float[best.Length * characters.Length];
        for (var t = 0; t < best.Length; t++)
        {
            for (var c = 0; c < characters.Length; c++)
            {
                steps[(t * characters.Length) + c] = c == best[t] ? 0.8f : 0.2f / 3;
            }
        }

        var (text, confidence) = CtcDecoder.Decode(steps, characters.Length, characters);

        Assert.Equal("二是是 ", text);
        Assert.Equal(0.8f, confidence, 0.0001f);
    }
}
