namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>The end of a tool run: exit code and output, or a timeout.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);
