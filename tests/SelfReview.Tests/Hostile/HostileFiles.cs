using System.Buffers.Binary;
using System.IO.Compression;
using System.Security;
using System.Text;
using SelfReview.Pipeline.Reading.Text;

namespace SelfReview.Tests.Hostile;

/// <summary>
/// Hostile and tricky uploads, generated: each class of file that once crashed, starved or fooled the
/// engine (issue 12), built from the seed statement's lines or from nothing. Every method returns the
/// bytes of one file; <see cref="All"/> names them as a batch, names that are themselves hostile included.
/// </summary>
public static class HostileFiles
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static string[] SeedLines => [.. File.ReadAllLines(TestFiles.SeedText).Where(l => l.Trim().Length > 0)];

    /// <summary>The hostile batch: file name → bytes.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> All() => [.. Makers.Select(m => (m.Name, m.Make()))];

    /// <summary>One file of the batch by name, made alone (the zip bomb takes a second to deflate).</summary>
    public static byte[] Make(string name) => Makers.First(m => m.Name == name).Make();

    private static IReadOnlyList<(string Name, Func<byte[]> Make)> Makers =>
    [
        ("nested-sdt.docx", () => NestedContentControls(200_000)),
        ("numbering-letters.docx", () => NumberingBomb(lowerLetter: true)),
        ("numbering-repeat.docx", () => NumberingBomb(lowerLetter: false)),
        ("million-paragraphs.docx", () => ManyParagraphs(1_000_000)),
        ("zip-bomb.docx", () => ZipBomb(300)),
        ("duplicate-entries.docx", () => DuplicateEntries()),
        ("ten-thousand-items.txt", () => ManyItems(10_000)),
        ("six-hundred-items.txt", () => ManyItems(600)),
        ("million-characters.txt", () => Encoding.UTF8.GetBytes(new string('问', 1_200_000))),
        ("noise-49mp.png", () => HugePng(7000, 7000)),
        ("网页另存为.doc", () => WordHtml()),
        ("网页.htm", () => WordHtml()),
        ("网页存档.mht", () => Mhtml()),
        ("deep.html", () => DeepHtml(100_000)),
        ("altchunk.docx", () => AltChunk()),
        ("textbox.docx", () => TextBox()),
        ("nul-byte.txt", () => WithNul()),
        ("mixed-encodings.txt", () => MixedEncodings()),
        ("zero-width.txt", () => ZeroWidth()),
        ("photo.gif", () => Gif()),
        ("iphone.heic", () => Heic()),
        ("image.webp", () => WebP()),
        ("empty.docx", () => []),
        ("random.bin", () => Random(4096)),
        (new string('检', 83) + ".docx", () => SeedDocx()),
        ("..\\材料.txt", () => SeedUtf8()),
        ("材料\nforged.txt  accepted  9  9  9.txt", () => SeedUtf8()),
        ("seed.txt", () => SeedUtf8()),
    ];

    public static byte[] SeedUtf8() => Encoding.UTF8.GetBytes(string.Join('\n', SeedLines));

    public static byte[] SeedDocx() => Docx(Paragraphs(SeedLines));

    /// <summary>Content controls nested <paramref name="depth"/> deep around one paragraph: 6 KB zipped.</summary>
    public static byte[] NestedContentControls(int depth)
    {
        var sb = new StringBuilder();
        sb.Insert(0, "<w:sdt><w:sdtContent>", depth).Append("<w:p><w:r><w:t>一、存在的问题</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++)
        {
            sb.Append("</w:sdtContent></w:sdt>");
        }

        return Docx(sb.ToString());
    }

    /// <summary>The seed with Word numbering started at two billion: letters (77-million-letter labels), or %1 forty times.</summary>
    public static byte[] NumberingBomb(bool lowerLetter)
    {
        var level = lowerLetter
            ? """<w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl>"""
            : $"""<w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{string.Concat(Enumerable.Repeat("%1", 40))}"/></w:lvl>""";
        var numbering = $"""<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1">{level}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>""";
        var body = string.Concat(SeedLines.Select(l => $"""<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{SecurityElement.Escape(l)}</w:t></w:r></w:p>"""));
        return Docx(body, [("word/numbering.xml", numbering)], [("rIdNum", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering", "numbering.xml")]);
    }

    public static byte[] ManyParagraphs(int count)
    {
        var sb = new StringBuilder(count * 48);
        for (var i = 0; i < count; i++)
        {
            sb.Append("<w:p><w:r><w:t>一是学习不够深入。</w:t></w:r></w:p>");
        }

        return Docx(sb.ToString());
    }

    /// <summary>A .docx whose document part inflates to <paramref name="megabytes"/> MB of spaces.</summary>
    public static byte[] ZipBomb(int megabytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            entry.Write(Encoding.ASCII.GetBytes($"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>"));
            var chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(chunk);
            }

            entry.Write(Encoding.ASCII.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        }

        return buffer.ToArray();
    }

    /// <summary>Two word/document.xml entries: a decoy first, the real text second.</summary>
    public static byte[] DuplicateEntries()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "word/document.xml", Document("<w:p><w:r><w:t>诱饵内容</w:t></w:r></w:p>"));
            Write(zip, "word/document.xml", Document(Paragraphs(SeedLines)));
        }

        return buffer.ToArray();
    }

    /// <summary>Plain text of <paramref name="count"/> problems and as many measures (1.4 MB at 10,000).</summary>
    public static byte[] ManyItems(int count)
    {
        var sb = new StringBuilder().Append("个人检视发言材料\n一、存在的问题\n");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(i).Append(".理论学习不够深入，第").Append(i).Append("项工作推进不力，调查研究不够。\n");
        }

        sb.Append("二、原因剖析\n理想信念有所松懈。\n三、整改措施\n");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(i).Append(".加强理论学习，推进第").Append(i).Append("项工作，年底前完成调查研究。\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A PNG declaring <paramref name="width"/> × <paramref name="height"/> pixels in a file of a few hundred bytes.</summary>
    public static byte[] HugePng(int width, int height)
    {
        using var buffer = new MemoryStream();
        buffer.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(buffer, "IHDR", header);
        Chunk(buffer, "IDAT", Random(256));
        Chunk(buffer, "IEND", []);
        return buffer.ToArray();
    }

    /// <summary>The seed as Word writes it when saved as a web page: GB2312-declared, MsoNormal paragraphs, conditional comments, wrapped lines.</summary>
    public static byte[] WordHtml() => TextDecoder.Gb18030.GetBytes(WordHtmlText("gb2312"));

    public static string WordHtmlText(string charset)
    {
        var sb = new StringBuilder();
        sb.Append("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n")
            .Append("xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n")
            .Append("<head><meta http-equiv=Content-Type content=\"text/html; charset=").Append(charset).Append("\">\r\n")
            .Append("<title>材料</title><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->\r\n")
            .Append("<style>p.MsoNormal {margin:0cm; font-family:仿宋_GB2312;}</style></head>\r\n<body lang=ZH-CN style='tab-interval:21.0pt'>\r\n<div class=WordSection1>\r\n");
        foreach (var line in SeedLines)
        {
            var escaped = SecurityElement.Escape(line)!;
            // Word wraps its HTML source lines at spaces, and also between two Chinese characters.
            var at = Enumerable.Range(30, Math.Max(0, escaped.Length - 31)).FirstOrDefault(i => escaped[i - 1] > '\u2e80' && escaped[i] > '\u2e80');
            var wrapped = at > 0 ? escaped[..at] + "\r\n" + escaped[at..] : escaped;
            sb.Append("<p class=MsoNormal><span style='font-family:仿宋_GB2312'>").Append(wrapped).Append("<o:p></o:p></span></p>\r\n");
        }

        return sb.Append("</div>\r\n</body>\r\n</html>\r\n").ToString();
    }

    /// <summary>The Word HTML as a single-file web archive (quoted-printable UTF-8, as Word writes .mht).</summary>
    public static byte[] Mhtml()
    {
        var html = Encoding.UTF8.GetBytes(WordHtmlText("utf-8"));
        var qp = new StringBuilder();
        var column = 0;
        foreach (var b in html)
        {
            var token = b is (>= 33 and <= 126) and not (byte)'=' || b == ' ' ? ((char)b).ToString() : b == '\n' ? "\r\n" : b == '\r' ? string.Empty : "=" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            if (token == "\r\n")
            {
                qp.Append(token);
                column = 0;
                continue;
            }

            if (column + token.Length > 75)
            {
                qp.Append("=\r\n");
                column = 0;
            }

            qp.Append(token);
            column += token.Length;
        }

        var text = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
            + "------=_NextPart_01\r\nContent-Location: file:///C:/material.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n"
            + qp + "\r\n------=_NextPart_01--\r\n";
        return Encoding.ASCII.GetBytes(text);
    }

    public static byte[] DeepHtml(int depth) => Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "一、存在的问题</body></html>");

    /// <summary>A .docx whose body is one altChunk: the seed as an HTML part, imported by Word on opening.</summary>
    public static byte[] AltChunk() => Docx(
        """<w:altChunk r:id="rIdChunk"/>""",
        [("word/chunk.htm", WordHtmlText("utf-8"))],
        [("rIdChunk", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk", "chunk.htm")]);

    /// <summary>The seed typed into one text box (a DrawingML shape, with the VML fallback Word also writes).</summary>
    public static byte[] TextBox()
    {
        var inner = Paragraphs(SeedLines);
        var body = "<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData><wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:txbx><w:txbxContent>"
            + inner
            + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:textbox><w:txbxContent>"
            + inner
            + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
        return Docx(body);
    }

    /// <summary>The seed in UTF-8 with one NUL byte in the middle of a line.</summary>
    public static byte[] WithNul()
    {
        var bytes = SeedUtf8().ToList();
        bytes.Insert(bytes.Count / 2 - (bytes.Count / 2 % 3), 0);
        return [.. bytes];
    }

    /// <summary>The seed's first half in UTF-8 and its second half in GB18030, as pasted together from two files.</summary>
    public static byte[] MixedEncodings()
    {
        var lines = SeedLines;
        var half = lines.Length / 2;
        return [.. Encoding.UTF8.GetBytes(string.Join('\n', lines[..half]) + "\n"), .. TextDecoder.Gb18030.GetBytes(string.Join('\n', lines[half..]))];
    }

    /// <summary>The seed with zero-width spaces after every enumerator and direction controls around some lines.</summary>
    public static byte[] ZeroWidth()
    {
        var lines = SeedLines.Select((l, i) =>
        {
            var marked = l.Replace("是", "\u200B是", StringComparison.Ordinal).Replace("、", "、\u200C", StringComparison.Ordinal).Replace("）", "）\u200D", StringComparison.Ordinal);
            return i % 3 == 0 ? "\u202E" + marked + "\u202C" : "\u2066" + marked + "\u2069\uFEFF";
        });
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    public static byte[] Gif() => [.. "GIF89a"u8, 0x10, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, .. Random(64)];

    public static byte[] Heic() => [0x00, 0x00, 0x00, 0x18, .. "ftypheic"u8, 0x00, 0x00, 0x00, 0x00, .. "mif1heic"u8, .. Random(64)];

    public static byte[] WebP() => [.. "RIFF"u8, 0x40, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8, .. Random(64)];

    public static byte[] Random(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    public static string Paragraphs(IEnumerable<string> lines) =>
        string.Concat(lines.Select(l => $"<w:p><w:r><w:t xml:space=\"preserve\">{SecurityElement.Escape(l)}</w:t></w:r></w:p>"));

    /// <summary>A minimal .docx: the document part, further parts, and the document's relationships.</summary>
    public static byte[] Docx(string body, IReadOnlyList<(string Name, string Content)>? parts = null, IReadOnlyList<(string Id, string Type, string Target)>? relationships = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="htm" ContentType="text/html"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Write(zip, "word/document.xml", Document(body));
            foreach (var (name, content) in parts ?? [])
            {
                Write(zip, name, content);
            }

            if (relationships is { Count: > 0 })
            {
                Write(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + string.Concat(relationships.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{r.Type}\" Target=\"{r.Target}\"/>"))
                    + "</Relationships>");
            }
        }

        return buffer.ToArray();
    }

    private static string Document(string body) => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{body}</w:body></w:document>";

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(type));
        stream.Write(data);
        stream.Write(new byte[4]); // CRC: the header reader does not check it
    }
}
