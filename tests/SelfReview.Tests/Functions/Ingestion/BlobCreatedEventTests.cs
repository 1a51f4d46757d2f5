using System.Text;
using SelfReview.Functions.Ingestion;

namespace SelfReview.Tests.Functions.Ingestion;

public sealed class BlobCreatedEventTests
{
    // Shapes from the Blob Storage event schema (Event Grid schema and CloudEvents 1.0 schema).
    private const string EventGridEvent = """
        {
          "topic": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
          "subject": "/blobServices/default/containers/statements/blobs/unit-1/张三.docx",
          "eventType": "Microsoft.Storage.BlobCreated",
          "id": "831e1650-001e-001b-66ab-eeb76e069631",
          "data": {
            "api": "PutBlob",
            "eTag": "0x8D4BCC2E4835CD0",
            "contentType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "contentLength": 524288,
            "blobType": "BlockBlob",
            "url": "https://acct.blob.core.windows.net/statements/unit-1/%E5%BC%A0%E4%B8%89.docx",
            "sequencer": "00000000000004420000000000028963"
          },
          "dataVersion": "",
          "metadataVersion": "1",
          "eventTime": "2024-01-02T03:04:05.678Z"
        }
        """;

    private const string CloudEvent = """
        {
          "specversion": "1.0",
          "type": "Microsoft.Storage.BlobCreated",
          "source": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct",
          "id": "9aeb0fdf-c01e-0131-0922-9eb54906e209",
          "time": "2024-01-02T03:04:05.678Z",
          "subject": "/blobServices/default/containers/statements/blobs/unit-2/a b.txt",
          "data": { "api": "PutBlockList", "url": "https://acct.blob.core.windows.net/statements/unit-2/a%20b.txt" }
        }
        """;

    private static BinaryData Body(string text, bool base64 = false) =>
        BinaryData.FromString(base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Parse_ReadsTheEventGridSchema_PlainOrBase64(bool base64)
    {
        var created = Assert.Single(BlobCreatedEvent.Parse(Body(EventGridEvent, base64)));

        Assert.Equal(new BlobCreatedEvent("PutBlob", "statements", "unit-1/张三.docx"), created);
        Assert.True(created.IsComplete);
        Assert.Equal(("unit-1", "张三.docx"), created.StatementUpload);
    }

    [Fact]
    public void Parse_ReadsTheCloudEventsSchema()
    {
        var created = Assert.Single(BlobCreatedEvent.Parse(Body(CloudEvent, base64: true)));

        Assert.Equal(new BlobCreatedEvent("PutBlockList", "statements", "unit-2/a b.txt"), created);
    }

    [Fact]
    public void Parse_ReadsEveryEventOfAnArray()
    {
        var second = EventGridEvent.Replace("%E5%BC%A0%E4%B8%89", "%E6%9D%8E%E5%9B%9B", StringComparison.Ordinal);
        var events = BlobCreatedEvent.Parse(Body("[" + EventGridEvent + "," + second + "]"));

        Assert.Equal(["unit-1/张三.docx", "unit-1/李四.docx"], events.Select(e => e.BlobName));
    }

    [Fact]
    public void Parse_TakesTheNameFromTheEmulatorsPathStyleUrl()
    {
        var json = EventGridEvent.Replace(
            "https://acct.blob.core.windows.net/statements/unit-1/%E5%BC%A0%E4%B8%89.docx",
            "http://127.0.0.1:10000/devstoreaccount1/statements/unit-1/%E5%BC%A0%E4%B8%89.docx",
            StringComparison.Ordinal);

        Assert.Equal("unit-1/张三.docx", Assert.Single(BlobCreatedEvent.Parse(Body(json))).BlobName);
    }

    [Fact]
    public void Parse_FallsBackToTheSubject_WithoutAUrl()
    {
        var json = CloudEvent.Replace(", \"url\": \"https://acct.blob.core.windows.net/statements/unit-2/a%20b.txt\"", "", StringComparison.Ordinal);

        Assert.Equal("unit-2/a b.txt", Assert.Single(BlobCreatedEvent.Parse(Body(json))).BlobName);
    }

    [Fact]
    public void Parse_KeepsTheContainerAndApi_SoTheCallerCanIgnoreOtherUploads()
    {
        var json = EventGridEvent.Replace("containers/statements/", "containers/reports/", StringComparison.Ordinal)
            .Replace("windows.net/statements/", "windows.net/reports/", StringComparison.Ordinal)
            .Replace("\"PutBlob\"", "\"PutBlock\"", StringComparison.Ordinal);

        var created = Assert.Single(BlobCreatedEvent.Parse(Body(json)));

        Assert.Equal("reports", created.Container);
        Assert.False(created.IsComplete);
        Assert.Null(created.StatementUpload);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json, not base64 !")]
    [InlineData("{\"eventType\":\"Microsoft.Storage.BlobDeleted\",\"subject\":\"/blobServices/default/containers/statements/blobs/u/a.txt\",\"data\":{\"api\":\"DeleteBlob\"}}")]
    [InlineData("{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":\"/somewhere/else\",\"data\":{\"api\":\"PutBlob\"}}")]
    [InlineData("{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":\"/blobServices/default/containers/statements/blobs/u/a.txt\"}")]
    [InlineData("{\"eventType\": ")]
    [InlineData("42")]
    public void Parse_FindsNoBlobCreatedEvent_InAnythingElse(string body) => Assert.Empty(BlobCreatedEvent.Parse(Body(body)));
}
