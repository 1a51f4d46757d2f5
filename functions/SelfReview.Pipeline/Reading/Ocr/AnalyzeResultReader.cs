using System.Text.Json;
using SelfReview.Pipeline.Reading.Layout;

namespace SelfReview.Pipeline.Reading.Ocr;

/// <summary>
/// Reads the <c>analyzeResult</c> of a succeeded Document Intelligence operation (REST 2024-11-30 and
/// 2023-07-31 share this part): paragraphs in reading order, each with an optional role and the pages
/// it stands on (<c>boundingRegions[].pageNumber</c>).
/// </summary>
internal static class AnalyzeResultReader
{
    /// <summary>Roles that are page furniture, not the statement: running heads, footers and page numbers.</summary>
    private static readonly HashSet<string> Furniture = new(StringComparer.Ordinal) { "pageHeader", "pageFooter", "pageNumber" };

    public static IReadOnlyList<TextBlock> Read(JsonElement analyzeResult)
    {
        if (analyzeResult.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("analyzeResult is not an object");
        }

        if (analyzeResult.TryGetProperty("paragraphs", out var paragraphs))
        {
            return Paragraphs(paragraphs);
        }

        // prebuilt-read and prebuilt-layout always return paragraphs; a custom model might return only
        // page lines, which are still the text in reading order.
        if (analyzeResult.TryGetProperty("pages", out var pages) && pages.ValueKind == JsonValueKind.Array)
        {
            return PageLines(pages);
        }

        throw Malformed("analyzeResult has neither paragraphs nor pages");
    }

    private static List<TextBlock> Paragraphs(JsonElement paragraphs)
    {
        if (paragraphs.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("paragraphs is not an array");
        }

        var blocks = new List<TextBlock>();
        foreach (var paragraph in paragraphs.EnumerateArray())
        {
            if (paragraph.ValueKind != JsonValueKind.Object
                || !paragraph.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
            {
                throw Malformed("a paragraph has no content string");
            }

            var role = paragraph.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (role is not null && Furniture.Contains(role))
            {
                continue;
            }

            var text = Tidy(content.GetString()!);
            if (text.Length == 0)
            {
                continue;
            }

            // title is the document's title; sectionHeading a heading inside it (the service does not tell heading levels apart).
            int? heading = role switch
            {
                "title" => 0,
                "sectionHeading" => 1,
                _ => null,
            };
            blocks.Add(new TextBlock(text, HeadingLevel: heading, Page: PageOf(paragraph)));
        }

        return blocks;
    }

    private static List<TextBlock> PageLines(JsonElement pages)
    {
        var blocks = new List<TextBlock>();
        foreach (var page in pages.EnumerateArray())
        {
            int? number = page.TryGetProperty("pageNumber", out var n) && n.TryGetInt32(out var value) ? value : null;
            if (!page.TryGetProperty("lines", out var lines) || lines.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var line in lines.EnumerateArray())
            {
                if (line.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String && Tidy(content.GetString()!) is { Length: > 0 } text)
                {
                    blocks.Add(new TextBlock(text, Page: number));
                }
            }
        }

        return blocks;
    }

    private static int? PageOf(JsonElement paragraph)
    {
        if (paragraph.TryGetProperty("boundingRegions", out var regions) && regions.ValueKind == JsonValueKind.Array)
        {
            foreach (var region in regions.EnumerateArray())
            {
                if (region.TryGetProperty("pageNumber", out var number) && number.TryGetInt32(out var page))
                {
                    return page;
                }
            }
        }

        return null;
    }

    // Paragraph content joins its lines with spaces (or newlines); between Chinese characters they are not text.
    private static string Tidy(string content) => ChineseText.TidyOcrLine(content.Replace('\n', ' ')).Trim();

    private static DocumentIntelligenceException Malformed(string what) =>
        new($"Document Intelligence returned a malformed analyze result: {what}.");
}
