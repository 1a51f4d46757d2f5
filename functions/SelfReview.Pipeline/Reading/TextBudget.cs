using System.Globalization;

namespace SelfReview.Pipeline.Reading;

/// <summary>
/// Paragraphs and characters one upload may yield, counted while a reader produces them, so that a
/// million-paragraph file is stopped at the budget instead of after it has become a 170 MB record.
/// </summary>
internal sealed class TextBudget(LimitsOptions limits)
{
    private int _paragraphs;
    private long _characters;

    /// <summary>Counts a paragraph of <paramref name="characters"/> characters; throws past a budget.</summary>
    public void Add(int characters)
    {
        _paragraphs++;
        _characters += characters;
        if (_paragraphs > limits.MaxParagraphs)
        {
            throw TooManyParagraphs(limits.MaxParagraphs);
        }

        Check(0);
    }

    /// <summary>Throws when the paragraphs so far and <paramref name="pending"/> characters of the paragraph being read pass the budget.</summary>
    public void Check(long pending)
    {
        if (_characters + pending > limits.MaxCharacters)
        {
            throw TooManyCharacters(limits.MaxCharacters);
        }
    }

    /// <summary>Checks a document some reader produced without counting as it went (OCR, PDF).</summary>
    public static void Check(TextDocument document, LimitsOptions limits)
    {
        if (document.Blocks.Count > limits.MaxParagraphs)
        {
            throw TooManyParagraphs(limits.MaxParagraphs);
        }

        if (document.Characters > limits.MaxCharacters)
        {
            throw TooManyCharacters(limits.MaxCharacters);
        }
    }

    private static LimitExceededException TooManyParagraphs(int max) => new(
        "too_long",
        string.Create(CultureInfo.InvariantCulture, $"文件超过 {max} 个段落，远多于一份检视发言材料，请只上传材料本身"));

    private static LimitExceededException TooManyCharacters(int max) => new(
        "too_long",
        string.Create(CultureInfo.InvariantCulture, $"文件文字超过 {max} 字，远多于一份检视发言材料（通常数千到数万字），请只上传材料本身"));
}
