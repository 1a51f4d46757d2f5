using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Reading;
using SelfReview.Pipeline.Reading.Ocr;

namespace SelfReview.Tests.Reading.Ocr;

/// <summary>The Document Intelligence engine against a local server that speaks the documented wire format.</summary>
public sealed class DocumentIntelligenceOcrEngineTests
{
    private static readonly byte[] Scan = Encoding.ASCII.GetBytes("%PDF-1.7 a scanned statement");
    private static readonly DetectedFormat Pdf = new(FileKind.Pdf, "application/pdf", "PDF 文档");

    [Fact]
    public async Task Recognize_PostsTheFile_PollsAfterRetryAfter_AndReadsParagraphsWithTheirRoles()
    {
        DocumentIntelligenceServer? self = null;
        using var server = new DocumentIntelligenceServer((_, n) => n switch
        {
            0 => DocumentIntelligenceServer.Accepted(self!),
            1 => DocumentIntelligenceServer.Running(retryAfterSeconds: 1),
            _ => DocumentIntelligenceServer.Succeeded(
                ("title", "2023年主题教育专题民主生活会个人检视发言材料", 1),
                ("pageHeader", "中共某某委员会", 1),
                ("sectionHeading", "一、存在的问题", 1),
                (null, "对新时代中国特色社会主义思想的学习、 理解还比较零散、 微观，\n对其鲜明的时代性", 1),
                ("pageFooter", "内部资料 注意保存", 1),
                ("pageNumber", "- 1 -", 1),
                (null, "一是创新本领还有待提升。", 2)),
        });
        self = server;

        var outcome = await Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1, 2]));

        var document = Assert.IsType<TextDocument>(outcome.Document);
        Assert.Equal(TextOrigin.OcrDocumentIntelligence, document.Origin);
        Assert.Equal(
            ["2023年主题教育专题民主生活会个人检视发言材料", "一、存在的问题", "对新时代中国特色社会主义思想的学习、理解还比较零散、微观，对其鲜明的时代性", "一是创新本领还有待提升。"],
            document.Blocks.Select(b => b.Text));
        Assert.Equal([0, 1, null, null], document.Blocks.Select(b => b.HeadingLevel));
        Assert.Equal([1, 1, 1, 2], document.Blocks.Select(b => b.Page));

        var requests = server.Requests.ToList();
        Assert.Equal(["POST", "GET", "GET"], requests.Select(r => r.Method));
        var post = requests[0];
        Assert.Equal("/documentintelligence/documentModels/prebuilt-layout:analyze", post.Path);
        Assert.Contains("api-version=2024-11-30", post.Query, StringComparison.Ordinal);
        Assert.Contains("pages=1-2", post.Query, StringComparison.Ordinal);
        Assert.Equal("application/octet-stream", post.Headers["Content-Type"]);
        Assert.Equal("local-test-key", post.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal(Scan, post.Body);
        Assert.All(requests.Skip(1), r => Assert.Equal("/documentintelligence/documentModels/prebuilt-layout/analyzeResults/3b9e6a1c-0000-4d5e-9f00-5e1f2a7c8d01", r.Path));
        Assert.All(requests, r => Assert.Equal("local-test-key", r.Headers["Ocp-Apim-Subscription-Key"]));
    }

    [Fact]
    public async Task Recognize_BacksOffWhenThrottled_HonouringRetryAfter_ThenSucceeds()
    {
        DocumentIntelligenceServer? self = null;
        using var server = new DocumentIntelligenceServer((_, n) => n switch
        {
            0 => new Reply(429, """{"error":{"code":"429","message":"Requests to the Analyze Document operation have exceeded rate limit."}}""", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            1 => DocumentIntelligenceServer.Accepted(self!),
            _ => DocumentIntelligenceServer.Succeeded(("title", "个人检视发言材料", 1)),
        });
        self = server;

        var outcome = await Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1]));

        Assert.Equal(["个人检视发言材料"], outcome.Document!.Blocks.Select(b => b.Text));
        Assert.Equal(["POST", "POST", "GET"], server.Requests.Select(r => r.Method));
        Assert.Equal(Scan, server.Requests.ElementAt(1).Body);
    }

    [Theory]
    [InlineData("InvalidRequest", "InvalidContent", "unreadable")]
    [InlineData("InvalidRequest", "UnsupportedContent", "unreadable")]
    [InlineData("InvalidRequest", "InvalidContentDimensions", "image_too_large")]
    public async Task Recognize_RejectsTheFile_WhenTheOperationFailsOnItsContent(string code, string inner, string rejection)
    {
        DocumentIntelligenceServer? self = null;
        using var server = new DocumentIntelligenceServer((_, n) => n == 0 ? DocumentIntelligenceServer.Accepted(self!) : DocumentIntelligenceServer.Failed(code, inner));
        self = server;

        var outcome = await Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1]));

        Assert.Null(outcome.Document);
        Assert.Equal(rejection, outcome.RejectionCode);
    }

    [Fact]
    public async Task Recognize_RejectsTheFile_WhenTheSubmissionIsRefusedForItsSize()
    {
        using var server = new DocumentIntelligenceServer((_, _) => new Reply(400, """{"error":{"code":"InvalidRequest","message":"Invalid request.","innererror":{"code":"InvalidContentLength","message":"The input image is too large."}}}"""));

        var outcome = await Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1]));

        Assert.Equal("image_too_large", outcome.RejectionCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Recognize_Throws_WhenTheOperationFailsForTheServicesOwnReasons()
    {
        DocumentIntelligenceServer? self = null;
        using var server = new DocumentIntelligenceServer((_, n) => n == 0 ? DocumentIntelligenceServer.Accepted(self!) : DocumentIntelligenceServer.Failed("InternalServerError"));
        self = server;

        var ex = await Assert.ThrowsAsync<DocumentIntelligenceException>(() => Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1])));

        Assert.Equal("InternalServerError", ex.ErrorCode);
    }

    [Fact]
    public async Task Recognize_Throws_WhenTheKeyIsRefused()
    {
        using var server = new DocumentIntelligenceServer((_, _) => new Reply(401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}"""));

        var ex = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1])));

        Assert.Equal(401, ex.Status);
    }

    public static TheoryData<string, string> MalformedAnswers() => new()
    {
        { "not json at all", "not JSON" },
        { """{"createdDateTime":"2024-05-01T08:00:00Z"}""", "no status" },
        { """{"status":"succeeded"}""", "no analyzeResult" },
        { """{"status":"succeeded","analyzeResult":{"paragraphs":[{"role":"title"}]}}""", "no content" },
        { """{"status":"succeeded","analyzeResult":{"apiVersion":"2024-11-30"}}""", "neither paragraphs nor pages" },
        { """{"status":"exploded"}""", "unknown operation status" },
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task Recognize_ThrowsAClearError_OnAMalformedAnswer(string answer, string message)
    {
        DocumentIntelligenceServer? self = null;
        using var server = new DocumentIntelligenceServer((_, n) => n == 0 ? DocumentIntelligenceServer.Accepted(self!) : new Reply(200, answer));
        self = server;

        var ex = await Assert.ThrowsAsync<DocumentIntelligenceException>(() => Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1])));

        Assert.Contains("malformed", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognize_Throws_WhenAcceptedWithoutAnOperationLocation()
    {
        using var server = new DocumentIntelligenceServer((_, _) => new Reply(202));

        var ex = await Assert.ThrowsAsync<DocumentIntelligenceException>(() => Engine(server).RecognizeAsync(new OcrRequest(Scan, Pdf, [1])));

        Assert.Contains("Operation-Location", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recognize_UsesTheFormRecognizerPath_ForTheV31ApiVersion()
    {
        DocumentIntelligenceServer? self = null;
        using var server = new DocumentIntelligenceServer((_, n) => n == 0 ? DocumentIntelligenceServer.Accepted(self!, "formrecognizer") : DocumentIntelligenceServer.Succeeded((null, "正文", 1)));
        self = server;

        var outcome = await Engine(server, o => o.ApiVersion = "2023-07-31").RecognizeAsync(new OcrRequest(Scan, Pdf, [1, 2, 3, 5]));

        Assert.NotNull(outcome.Document);
        var post = server.Requests.First();
        Assert.Equal("/formrecognizer/documentModels/prebuilt-layout:analyze", post.Path);
        Assert.Contains("api-version=2023-07-31", post.Query, StringComparison.Ordinal);
        Assert.Contains("pages=1-3%2C5", post.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ReadsAScanThroughDocumentIntelligence_WhenConfigured_AndLeavesTextPdfsAlone()
    {
        DocumentIntelligenceServer? self = null;
        var seed = File.ReadAllLines(TestFiles.SeedText, Encoding.UTF8).Where(l => l.Trim().Length > 0).ToList();
        var paragraphs = seed.Select((line, i) => (Role: i == 0 ? "title" : line.StartsWith("一、", StringComparison.Ordinal) || line.StartsWith("二、", StringComparison.Ordinal) || line.StartsWith("三、", StringComparison.Ordinal) ? "sectionHeading" : null, Content: line, Page: 1 + (i * 3 / seed.Count)))
            .Select(p => ((string?)p.Role, p.Content, p.Page)).ToArray();
        using var server = new DocumentIntelligenceServer((_, n) => n == 0 ? DocumentIntelligenceServer.Accepted(self!) : DocumentIntelligenceServer.Succeeded(paragraphs));
        self = server;
        using var services = OcrEngines.Configured(new Dictionary<string, string?>
        {
            ["Ocr:Engine"] = "DocumentIntelligence",
            ["DocumentIntelligence:Endpoint"] = server.Endpoint.AbsoluteUri,
            ["DocumentIntelligence:Key"] = "local-test-key",
            ["DocumentIntelligence:PollInterval"] = "00:00:00.010",
        });
        var processor = services.GetRequiredService<StatementProcessor>();

        var text = await processor.ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedTextPdf), "seed.text.pdf", "test");
        Assert.Empty(server.Requests);
        var scan = await processor.ProcessAsync(await File.ReadAllBytesAsync(TestFiles.SeedScanPdf), "seed.scan.pdf", "test");

        Assert.Equal(TextOrigin.PdfTextLayer, text.Source.TextOrigin);
        SeedStructure.AssertMatches(scan);
        Assert.Equal(TextOrigin.OcrDocumentIntelligence, scan.Source.TextOrigin);
        Assert.Contains("pages=1-3", server.Requests.First().Query, StringComparison.Ordinal);
    }

    private static DocumentIntelligenceOcrEngine Engine(DocumentIntelligenceServer server, Action<DocumentIntelligenceOptions>? configure = null)
    {
        var options = new DocumentIntelligenceOptions
        {
            Endpoint = server.Endpoint,
            Key = "local-test-key",
            PollInterval = TimeSpan.FromMilliseconds(10),
            MaxRetries = 2,
        };
        configure?.Invoke(options);
        return new DocumentIntelligenceOcrEngine(options, credential: null, NullLogger<DocumentIntelligenceOcrEngine>.Instance);
    }
}
