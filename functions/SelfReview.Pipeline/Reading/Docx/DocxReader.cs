using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>
/// Reads .docx with the Open XML SDK: body paragraphs and table cells in order, tracked changes
/// applied (deleted text out, inserted text in), automatic numbering rendered into labels, heading
/// styles and outline levels kept as hints.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    public bool CanRead(FileKind kind) => kind == FileKind.Docx;

    public Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray(), writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
            {
                return Task.FromResult(ReadOutcome.Rejected("unreadable", "Word 文档缺少正文部分（word/document.xml）"));
            }

            var styles = new StyleResolver(main);
            var numbering = new NumberingRenderer(main, styles);
            var blocks = new List<TextBlock>();
            ReadBlocks(body, blocks, styles, numbering, inTable: false, cancellationToken);
            return Task.FromResult(ReadOutcome.Read(new TextDocument(blocks, TextOrigin.Docx)));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            return Task.FromResult(ReadOutcome.Rejected("unreadable", "Word 文档已损坏，无法打开（" + ex.GetType().Name + "）"));
        }
    }

    private static void ReadBlocks(OpenXmlElement container, List<TextBlock> blocks, StyleResolver styles, NumberingRenderer numbering, bool inTable, CancellationToken cancellationToken)
    {
        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case Paragraph paragraph:
                    ReadParagraph(paragraph, blocks, styles, numbering, inTable);
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        foreach (var cell in row.Elements<TableCell>())
                        {
                            ReadBlocks(cell, blocks, styles, numbering, inTable: true, cancellationToken);
                        }
                    }

                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                    ReadBlocks(sdtContent, blocks, styles, numbering, inTable, cancellationToken);
                    break;
                case CustomXmlBlock custom:
                    ReadBlocks(custom, blocks, styles, numbering, inTable, cancellationToken);
                    break;
                case InsertedRun or MoveToRun:
                    ReadBlocks(element, blocks, styles, numbering, inTable, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }

    private static void ReadParagraph(Paragraph paragraph, List<TextBlock> blocks, StyleResolver styles, NumberingRenderer numbering, bool inTable)
    {
        var text = ParagraphText(paragraph);
        // A numbered but empty paragraph still advances the list in Word, so count it before skipping.
        var label = numbering.Next(paragraph);
        if (text.Trim().Length == 0)
        {
            return;
        }

        blocks.Add(new TextBlock(text.Trim(), label, styles.OutlineLevelOf(paragraph), InTable: inTable));
    }

    /// <summary>The visible text of a paragraph: deleted and moved-away text and field codes left out.</summary>
    internal static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        Append(paragraph, sb);
        return sb.ToString();
    }

    private static void Append(OpenXmlElement element, StringBuilder sb)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                // Tracked deletions and the source of tracked moves are not part of the document (17.13.5.14, 17.13.5.22).
                case DeletedRun or MoveFromRun or DeletedText or FieldCode or DeletedFieldCode:
                case ParagraphProperties or RunProperties:
                    break;
                case Run run when run.RunProperties?.Vanish is { } vanish && (vanish.Val?.Value ?? true):
                    break;
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    sb.Append(' ');
                    break;
                case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                case CarriageReturn:
                    sb.Append('\n');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
                default:
                    Append(child, sb);
                    break;
            }
        }
    }
}
