using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;
using SelfReview.Contracts;
using SelfReview.Pipeline.Reading.Html;
using SelfReview.Pipeline.Reading.Text;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>
/// Reads .docx: body paragraphs and table cells in order, tracked changes applied (deleted text out,
/// inserted text in), automatic numbering rendered into labels, heading styles and outline levels kept
/// as hints, text boxes as paragraphs of their own, altChunk parts (HTML, web archive, text) read in
/// place. The parts are streamed with XmlReader straight from the zip: loading them into the Open
/// XML SDK's package and object model cost about twenty times the reading itself. Every part inflates
/// under the <see cref="LimitsOptions"/> budgets, and element nesting stops at MaxXmlDepth.
/// </summary>
public sealed class DocxReader(IOptions<LimitsOptions> limits) : IDocumentReader
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public DocxReader()
        : this(Options.Create(new LimitsOptions()))
    {
    }

    public bool CanRead(FileKind kind) => kind == FileKind.Docx;

    public Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
    {
        var budgets = limits.Value;
        try
        {
            using var package = DocxPackage.Open(content, budgets);
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
                numbering = new NumberingRenderer(numberingPart, styles, budgets.MaxLabelLength);
            }

            // altChunk targets are resolved before the body is streamed (one entry open at a time).
            var chunks = AltChunks(package, mainPart, budgets);
            using var main = package.Open(mainPart);
            using var reader = main is null ? null : XmlReader.Create(main, WordXml.Settings);
            if (reader is null || !MoveToBody(reader))
            {
                return Task.FromResult(ReadOutcome.Rejected("unreadable", "Word 文档缺少正文部分（word/document.xml）"));
            }

            var blocks = new List<TextBlock>();
            new BodyReader(blocks, styles, numbering, chunks, new TextBudget(budgets), budgets.MaxXmlDepth, cancellationToken).Blocks(reader, inTable: false);
            return Task.FromResult(ReadOutcome.Read(new TextDocument(blocks, TextOrigin.Docx)));
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or NotSupportedException)
        {
            return Task.FromResult(ReadOutcome.Rejected("unreadable", "Word 文档已损坏，无法打开（" + ex.GetType().Name + "）"));
        }
        catch (InsufficientExecutionStackException)
        {
            throw TooDeep(budgets.MaxXmlDepth);
        }
    }

    private static LimitExceededException TooDeep(int max) => new(
        "too_deep",
        string.Create(CultureInfo.InvariantCulture, $"Word 文档的结构嵌套超过 {max} 层（如内容控件套内容控件），不像正常的文档，请在 Word 中打开后另存为新文件再上传"));

    /// <summary>
    /// The text of every altChunk part the main document relates to, by relationship id (17.17.2.1): Word
    /// imports such parts (HTML, MHTML, plain text) when it opens the file, and tools that assemble
    /// documents use them to paste a whole statement in. A chunk in another format is left out.
    /// </summary>
    private static Dictionary<string, List<TextBlock>> AltChunks(DocxPackage package, string mainPart, LimitsOptions budgets)
    {
        var chunks = new Dictionary<string, List<TextBlock>>(StringComparer.Ordinal);
        foreach (var (id, part) in package.RelatedAll(mainPart, "aFChunk"))
        {
            using var stream = package.Open(part);
            if (stream is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var kind = FormatSniffer.Detect(bytes).Kind;
            var budget = new TextBudget(budgets);
            chunks[id] = kind switch
            {
                FileKind.Html or FileKind.Mhtml when HtmlDecoder.Decode(bytes, kind) is { } html => HtmlText.Blocks(html, budget, budgets),
                FileKind.Text when TextDecoder.TryDecode(bytes, out var text, out _) => PlainTextReader.ToBlocks(text, budget),
                _ => [],
            };
        }

        return chunks;
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
    private sealed class BodyReader(
        List<TextBlock> blocks,
        StyleResolver styles,
        NumberingRenderer numbering,
        Dictionary<string, List<TextBlock>> chunks,
        TextBudget budget,
        int maxDepth,
        CancellationToken cancellationToken)
    {
        private readonly StringBuilder _text = new();

        /// <summary>Where paragraphs go: the body's list, or while a text box is read, the list of its anchor paragraph.</summary>
        private List<TextBlock> _out = blocks;

        /// <summary>The text-box paragraphs met inside the paragraph being read, added after it.</summary>
        private List<TextBlock> _deferred = [];

        /// <summary>The block-level content of the element the reader is on (body, cell, content control …); moves past it.</summary>
        public void Blocks(XmlReader reader, bool inTable) => WordXml.Children(reader, child =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (child.Depth > maxDepth)
            {
                throw TooDeep(maxDepth);
            }

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
                case "altChunk":
                    if ((child.GetAttribute("id", RelationshipsNamespace) is { } id) && chunks.TryGetValue(id, out var chunk))
                    {
                        foreach (var block in chunk)
                        {
                            budget.Add(block.Text.Length);
                            _out.Add(inTable ? block with { InTable = true } : block);
                        }
                    }

                    child.Skip();
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
            var outerDeferred = _deferred;
            var deferred = _deferred = [];
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
            _deferred = outerDeferred;

            // A numbered but empty paragraph still advances the list in Word, so count it before skipping.
            var label = numbering.Next(format);
            var text = _text.ToString().Trim();
            if (text.Length > 0)
            {
                budget.Add(text.Length + (label?.Length ?? 0));
                _out.Add(new TextBlock(text, label, styles.OutlineLevelOf(format), InTable: inTable));
            }

            _out.AddRange(deferred);
        }

        /// <summary>
        /// A text box (w:txbxContent, in a DrawingML shape or a VML one): block content of its own inside a
        /// run. Its paragraphs are read as paragraphs — a statement typed into one text box is still a
        /// statement of many paragraphs — and placed after the paragraph the box is anchored in.
        /// </summary>
        private void TextBox(XmlReader reader)
        {
            var anchorText = _text.ToString();
            var outer = _out;
            _out = _deferred;
            Blocks(reader, inTable: false);
            _out = outer;
            _text.Clear().Append(anchorText);
        }

        /// <summary>The visible text of an element inside a paragraph: deleted and moved-away text, field codes and hidden runs left out.</summary>
        private void Inline(XmlReader reader)
        {
            if (reader.Depth > maxDepth)
            {
                throw TooDeep(maxDepth);
            }

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
                    budget.Check(_text.Length);
                    break;
                case "txbxContent":
                    TextBox(reader);
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
