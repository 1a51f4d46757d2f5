namespace SelfReview.Pipeline.Reading.Pdf;

/// <summary>What a page's text layer is worth.</summary>
public enum TextLayerVerdict
{
    /// <summary>Real text: read it, never OCR it.</summary>
    Usable,

    /// <summary>A few characters at most (a scan, perhaps with a stamped page number).</summary>
    Sparse,

    /// <summary>Characters that are not text: fonts without a Unicode map, private-use codes, control characters.</summary>
    Garbage,
}
