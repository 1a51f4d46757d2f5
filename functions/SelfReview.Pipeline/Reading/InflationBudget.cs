using System.Globalization;

namespace SelfReview.Pipeline.Reading;

/// <summary>
/// The decompressed bytes one package may produce, shared by all its entries: a zip bomb is stopped
/// while it inflates, after at most the budget, instead of after it has filled memory.
/// </summary>
internal sealed class InflationBudget(LimitsOptions limits)
{
    private long _total;

    public LimitsOptions Limits { get; } = limits;

    /// <summary>Wraps an entry's inflating stream so that it stops at the entry, ratio and package budgets.</summary>
    public Stream Guard(Stream inflating, string entryName, long compressedLength) => new CountingStream(inflating, this, entryName, compressedLength);

    private void Add(string entryName, long entryBytes, long compressedLength, int count)
    {
        _total += count;
        if (entryBytes > Limits.MaxEntryBytes)
        {
            throw Exceeded(entryName, string.Create(CultureInfo.InvariantCulture, $"解压后超过 {Limits.MaxEntryBytes / (1024 * 1024)} MB"));
        }

        if (_total > Limits.MaxPackageBytes)
        {
            throw Exceeded(entryName, string.Create(CultureInfo.InvariantCulture, $"整个文件解压后超过 {Limits.MaxPackageBytes / (1024 * 1024)} MB"));
        }

        if (entryBytes > 1024 * 1024 && entryBytes > Math.Max(1, compressedLength) * Limits.MaxCompressionRatio)
        {
            throw Exceeded(entryName, string.Create(CultureInfo.InvariantCulture, $"压缩比超过 {Limits.MaxCompressionRatio} 倍"));
        }
    }

    private static LimitExceededException Exceeded(string entryName, string what) => new(
        "zip_bomb",
        $"文件中的部件“{entryName}”{what}，不像正常的文档（可能是“压缩炸弹”），请在 Word 中打开后另存为新文件再上传");

    /// <summary>Counts what the inner stream yields and stops at the budget; read-only and forward-only.</summary>
    private sealed class CountingStream(Stream inner, InflationBudget budget, string entryName, long compressedLength) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            budget.Add(entryName, _read, compressedLength, n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            _read += n;
            budget.Add(entryName, _read, compressedLength, n);
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
