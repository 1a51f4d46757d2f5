namespace SelfReview.Pipeline.Reading.Ocr.Paddle;

/// <summary>One detected box and what the recognition model read in it, with its mean character confidence.</summary>
internal sealed record RecognisedLine(Quad Box, string Text, float Confidence);
