using System.Text;
using System.Xml;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>
/// Reads .docx: body paragraphs and table cells in order, tracked changes applied (deleted text out,
/// inserted text in), automatic numbering rendered into labels, heading styles and outline levels kept
/// as hints. The parts are streamed with XmlReader straight from the zip: loading them into the Open
/// XML SDK's package and object model cost about twenty times the reading itself.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    public bool CanRead(FileKind kind) => kind == FileKind.Docx;

    public Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        try
        {
            using var package = DocxPackage.Open(content);
            if (package.MainDocument is not { } mainPart)
            {
                return Task.FromResult(ReadOutcome.Rejected("unreadable", "Word 文档缺少正文部分（word/document.xml）"));
            }

            // Styles and numbering first: the body refers to both, and one zip entry is open at a time.
            StyleResolver styles;
            using (var stylesPart = package.Open(package.Related(mainPart, "styles")))
            {
                styles = new StyleResolver(stylesPart);
            }

            NumberingRenderer numbering;
            using (var numberingPart = package.Open(package.Related(mainPart, "numbering")))
            {
                numbering = new NumberingRenderer(numberingPart, styles);
            }

            using var main = package.Open(mainPart);
            using var reader = main is null ? null : XmlReader.Create(main, WordXml.Settings);
            if (reader is null || !MoveToBody(reader))
            {
                return Task.FromResult(ReadOutcome.Rejected("unreadable", "Word 文档缺少正文部分（word/document.xml）"));
            }

            var blocks = new List<TextBlock>();
            new BodyReader(blocks, styles, numbering, cancellationToken).Blocks(reader, inTable: false);
            return Task.FromResult(ReadOutcome.Read(new TextDocument(blocks, TextOrigin.Docx)));
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or NotSupportedException)
        {
            return Task.FromResult(ReadOutcome.Rejected("unreadable", "Word 文档已损坏，无法打开（" + ex.GetType().Name + "）"));
        }
        catch (InsufficientExecutionStackException)
        {
            // Nesting deep enough to exhaust the stack (content controls inside content controls): a fuzzing finding.
            return Task.FromResult(ReadOutcome.Rejected("too_deep", "Word 文档的结构嵌套层数过多（如内容控件套内容控件），不像正常的文档，请在 Word 中打开后另存为新文件再上传"));
        }
    }

    private static bool MoveToBody(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && WordXml.Is(reader, "body"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One pass over w:body: blocks in reading order.</summary>
    private sealed class BodyReader(List<TextBlock> blocks, StyleResolver styles, NumberingRenderer numbering, CancellationToken cancellationToken)
    {
        private readonly StringBuilder _text = new();

        /// <summary>The block-level content of the element the reader is on (body, cell, content control …); moves past it.</summary>
        public void Blocks(XmlReader reader, bool inTable) => WordXml.Children(reader, child =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            if (!WordXml.IsWord(child))
            {
                child.Skip();
                return;
            }

            switch (child.LocalName)
            {
                case "p":
                    Paragraph(child, inTable);
                    break;
                case "tc":
                    Blocks(child, inTable: true);
                    break;
                // Rows and cells of tables, content controls, custom XML and inserted or moved-here
                // blocks hold paragraphs; everything else at this level (section properties,
                // bookmarks, deleted blocks) holds no text to read.
                case "tbl" or "tr" or "sdt" or "sdtContent" or "customXml" or "ins" or "moveTo":
                    Blocks(child, inTable);
                    break;
                default:
                    child.Skip();
                    break;
            }
        });

        private void Paragraph(XmlReader reader, bool inTable)
        {
            var format = ParagraphFormat.None;
            _text.Clear();
            WordXml.Children(reader, child =>
            {
                if (WordXml.Is(child, "pPr"))
                {
                    format = ParagraphFormat.Read(child);
                }
                else
                {
                    Inline(child);
                }
            });

            // A numbered but empty paragraph still advances the list in Word, so count it before skipping.
            var label = numbering.Next(format);
            var text = _text.ToString().Trim();
            if (text.Length > 0)
            {
                blocks.Add(new TextBlock(text, label, styles.OutlineLevelOf(format), InTable: inTable));
            }
        }

        /// <summary>The visible text of an element inside a paragraph: deleted and moved-away text, field codes and hidden runs left out.</summary>
        private void Inline(XmlReader reader)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            if (!WordXml.IsWord(reader))
            {
                // Of alternative content (a text box written twice, for new and old Word) the first choice is read, not the fallback too.
                if (reader.LocalName == "Fallback" && reader.NamespaceURI == WordXml.MarkupCompatibility)
                {
                    reader.Skip();
                }
                else
                {
                    WordXml.Children(reader, Inline);
                }

                return;
            }

            switch (reader.LocalName)
            {
                // Tracked deletions and the source of tracked moves are not part of the document (17.13.5.14, 17.13.5.22).
                case "del" or "moveFrom" or "delText" or "instrText" or "delInstrText" or "pPr" or "rPr":
                    reader.Skip();
                    break;
                case "r":
                    Run(reader);
                    break;
                case "t":
                    _text.Append(reader.ReadElementContentAsString());
                    break;
                case "tab" or "ptab":
                    _text.Append(' ');
                    reader.Skip();
                    break;
                case "br":
                    if (WordXml.Attribute(reader, "type") is null or "textWrapping")
                    {
                        _text.Append('\n');
                    }

                    reader.Skip();
                    break;
                case "cr":
                    _text.Append('\n');
                    reader.Skip();
                    break;
                case "noBreakHyphen":
                    _text.Append('-');
                    reader.Skip();
                    break;
                default:
                    // Hyperlinks, smart tags, insertions, fields, content controls, drawings with text boxes: their text counts.
                    WordXml.Children(reader, Inline);
                    break;
            }
        }

        /// <summary>A run: its text, unless its properties hide it (w:vanish).</summary>
        private void Run(XmlReader reader)
        {
            var start = _text.Length;
            var hidden = false;
            WordXml.Children(reader, child =>
            {
                if (WordXml.Is(child, "rPr"))
                {
                    hidden |= Vanish(child);
                }
                else if (hidden)
                {
                    child.Skip();
                }
                else
                {
                    Inline(child);
                }
            });
            if (hidden)
            {
                _text.Length = start;
            }
        }

        private static bool Vanish(XmlReader reader)
        {
            var vanish = false;
            WordXml.Children(reader, child =>
            {
                if (WordXml.Is(child, "vanish"))
                {
                    vanish = WordXml.OnOff(child);
                }

                child.Skip();
            });
            return vanish;
        }
    }
}
