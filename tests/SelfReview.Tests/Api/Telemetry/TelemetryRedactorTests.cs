using SelfReview.Api.Telemetry;

namespace SelfReview.Tests.Api.Telemetry;

public sealed class TelemetryRedactorTests
{
    private const string Chinese = "欧阳青萍-检视发言材料.docx";

    [Fact]
    public void RedactUrl_HashesTheBlobName_KeepsTheContainerAndTheUnit()
    {
        var url = "http://127.0.0.1:10000/devstoreaccount1/statements/unit-7/" + Uri.EscapeDataString(Chinese);

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/statements/unit-7/" + TelemetryRedactor.Hash(Chinese), TelemetryRedactor.RedactUrl(url));
    }

    [Fact]
    public void RedactUrl_HashesAnAsciiFileName_AsWellAsAChineseOne()
    {
        Assert.Equal("https://st.blob.core.windows.net/statements/unit-7/" + TelemetryRedactor.Hash("wang-final.docx"), TelemetryRedactor.RedactUrl("https://st.blob.core.windows.net/statements/unit-7/wang-final.docx"));
    }

    [Fact]
    public void RedactUrl_DropsQueryValues_KeepsTheirKeys()
    {
        Assert.Equal("/api/units/unit-7/statements?fileName=REDACTED&x=REDACTED", TelemetryRedactor.RedactUrl("/api/units/unit-7/statements?fileName=" + Uri.EscapeDataString(Chinese) + "&x=1#frag"));
    }

    [Fact]
    public void RedactUrl_KeepsRoutesAndStatementIds_HashesReportNamesAndPrincipals()
    {
        var id = new string('a', 64);

        Assert.Equal($"/api/units/unit-7/statements/{id}", TelemetryRedactor.RedactUrl($"/api/units/unit-7/statements/{id}"));
        Assert.Equal("/api/units/{unitId}/reports/{name}", TelemetryRedactor.RedactUrl("/api/units/{unitId}/reports/{name}"));
        Assert.Equal("/api/units/unit-7/reports/" + TelemetryRedactor.Hash("情况报告-王芳.docx"), TelemetryRedactor.RedactUrl("/api/units/unit-7/reports/" + Uri.EscapeDataString("情况报告-王芳.docx")));
        Assert.Equal("/api/access/grants/" + TelemetryRedactor.Hash("user:wangfang"), TelemetryRedactor.RedactUrl("/api/access/grants/user:wangfang"));
        Assert.Equal($"/devstoreaccount1/records/unit-7/{id}.json", TelemetryRedactor.RedactUrl($"/devstoreaccount1/records/unit-7/{id}.json"));
    }

    [Fact]
    public void RedactText_RedactsUrlsInsideMessages_AndHashesNonAsciiRuns()
    {
        var text = TelemetryRedactor.RedactText("Request PUT http://h/devstoreaccount1/statements/u/seed.txt?comp=block failed for 张三");

        Assert.Equal($"Request PUT http://h/devstoreaccount1/statements/u/{TelemetryRedactor.Hash("seed.txt")}?comp=REDACTED failed for [{TelemetryRedactor.Hash("张三")}]", text);
    }

    [Fact]
    public void RedactExceptionText_KeepsTypesAndFrames_DropsMessages()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("blob statements/u/王芳.docx: 我们在学习上存在不足", new IOException("wang.txt is locked"));
        }
        catch (InvalidOperationException e)
        {
            caught = e;
        }

        var text = TelemetryRedactor.RedactExceptionText(caught.ToString());

        Assert.StartsWith("System.InvalidOperationException: REDACTED", text, StringComparison.Ordinal);
        Assert.Contains(" ---> System.IO.IOException: REDACTED", text, StringComparison.Ordinal);
        Assert.Contains("at SelfReview.Tests.Api.Telemetry.TelemetryRedactorTests", text, StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wang.txt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("学习", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactedException_KeepsTheTypeAndStack_NotTheMessage()
    {
        Exception caught;
        try
        {
            throw new FileNotFoundException("statements/u/wang-final.docx not found");
        }
        catch (FileNotFoundException e)
        {
            caught = e;
        }

        var redacted = RedactedException.Of(caught);

        Assert.Equal("System.IO.FileNotFoundException", redacted.OriginalType);
        Assert.DoesNotContain("wang-final", redacted.ToString(), StringComparison.Ordinal);
        Assert.Contains("RedactedException_KeepsTheTypeAndStack_NotTheMessage", redacted.StackTrace, StringComparison.Ordinal);
    }
}
