using System.Text;

namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>
/// Greedy CTC decoding (Graves et al., 2006): the most likely class at every time step, repeats
/// collapsed, blanks (class 0) dropped. Confidence is the mean probability of the characters kept,
/// as PaddleOCR's <c>CTCLabelDecode</c> reports it.
/// </summary>
internal static class CtcDecoder
{
    public static (string Text, float Confidence) Decode(ReadOnlySpan<float> steps, int classes, string[] characters)
    {
        var text = new StringBuilder();
        var previous = -1;
        double confidence = 0;
        var kept = 0;
        for (var t = 0; t + classes <= steps.Length; t += classes)
        {
            var row = steps.Slice(t, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            if (best != 0 && best != previous)
            {
                text.Append(characters[best]);
                confidence += row[best];
                kept++;
            }

            previous = best;
        }

        return (text.ToString(), kept > 0 ? (float)(confidence / kept) : 0f);
    }
}
