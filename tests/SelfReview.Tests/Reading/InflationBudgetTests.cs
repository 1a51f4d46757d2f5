using SelfReview.Pipeline.Reading;
using SelfReview.Tests.Hostile;

namespace SelfReview.Tests.Reading;

public sealed class InflationBudgetTests
{
    [Fact]
    public async Task Read_RejectsAZipBomb_BeforeItInflatesPastTheEntryBudget()
    {
        // 300 MB of spaces deflate to a few hundred KB; the entry budget is 64 MB.
        var record = await Engine.ProcessAsync(HostileFiles.ZipBomb(300), "bomb.docx");

        Assert.Equal("zip_bomb", record.Rejection?.Code);
    }

    [Fact]
    public void Guard_StopsAStreamWhoseHeaderUnderstatesItsSize_AtTheRatioBudget()
    {
        // A header can lie about the inflated size: the counting stream stops what actually comes out.
        var budget = new InflationBudget(new LimitsOptions());
        using var guarded = budget.Guard(new EndlessZeros(), "word/document.xml", compressedLength: 4096);

        var error = Assert.Throws<LimitExceededException>(() => guarded.CopyTo(Stream.Null));

        Assert.Equal("zip_bomb", error.Code);
        Assert.Contains("word/document.xml", error.Reason, StringComparison.Ordinal);
        Assert.True(guarded.Position <= 200 * 4096 + 1024 * 1024 + 81920, $"read {guarded.Position} bytes");
    }

    [Fact]
    public void Guard_StopsAllEntriesTogether_AtThePackageBudget()
    {
        var limits = new LimitsOptions { MaxEntryBytes = 2 * 1024 * 1024, MaxPackageBytes = 3 * 1024 * 1024, MaxCompressionRatio = 100_000 };
        var budget = new InflationBudget(limits);
        using (var first = budget.Guard(new EndlessZeros(1_800_000), "a.xml", 1000))
        {
            first.CopyTo(Stream.Null);
        }

        using var second = budget.Guard(new EndlessZeros(1_800_000), "b.xml", 1000);
        Assert.Throws<LimitExceededException>(() => second.CopyTo(Stream.Null));
    }

    private sealed class EndlessZeros(long length = long.MaxValue) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
