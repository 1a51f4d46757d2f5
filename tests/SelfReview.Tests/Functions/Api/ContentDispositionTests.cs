using SelfReview.Api;

namespace SelfReview.Tests.Functions.Api;

public sealed class ContentDispositionTests
{
    [Fact]
    public void Attachment_GivesAnAsciiFallbackAndTheUtf8Name()
    {
        var header = ContentDisposition.Attachment("rectifications-u1.xlsx", "整改清单-u1.xlsx");

        Assert.Equal("attachment; filename=\"rectifications-u1.xlsx\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%B8%85%E5%8D%95-u1.xlsx", header);
        var parsed = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(header);
        Assert.Equal("整改清单-u1.xlsx", parsed.FileNameStar.Value);
        Assert.Equal("rectifications-u1.xlsx", parsed.FileName.Value);
    }

    [Fact]
    public void Attachment_EncodesSpacesAndQuotesInTheRealName()
    {
        Assert.EndsWith("filename*=UTF-8''a%20%22b%22.csv", ContentDisposition.Attachment("a.csv", "a \"b\".csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Attachment_RefusesAFallbackThatIsNotPlainAscii() =>
        Assert.Throws<ArgumentException>(() => ContentDisposition.Attachment("整改.csv", "整改.csv"));
}
