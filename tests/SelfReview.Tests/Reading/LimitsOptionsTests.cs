using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SelfReview.Contracts;
using SelfReview.Pipeline;
using SelfReview.Pipeline.Reading;

namespace SelfReview.Tests.Reading;

public sealed class LimitsOptionsTests
{
    [Fact]
    public void Validate_Fails_WhenALimitIsOutOfRange()
    {
        using var services = Configured(new() { ["Limits:MaxCharacters"] = "10" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LimitsOptions>>().Value);

        Assert.Contains("MaxCharacters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_UsesTheConfiguredLimits_AndNamesThemInTheReason()
    {
        using var services = Configured(new() { ["Limits:MaxCharacters"] = "10000" });

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(System.Text.Encoding.UTF8.GetBytes(new string('字', 12_000)), "长文.txt", "u");

        Assert.Equal(RecordStatus.Rejected, record.Status);
        Assert.Equal("too_long", record.Rejection?.Code);
        Assert.Contains("10000", record.Rejection!.Message, StringComparison.Ordinal);
        Assert.Contains("长文.txt", record.Rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_RejectsASectionWithMoreItemsThanTheBudget_NamingTheSection()
    {
        using var services = Configured(new() { ["Limits:MaxItemsPerSection"] = "50" });

        var record = await services.GetRequiredService<StatementProcessor>().ProcessAsync(Hostile.HostileFiles.ManyItems(600), "清单.txt", "u");

        Assert.Equal("too_many_items", record.Rejection?.Code);
        Assert.Contains("50", record.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_RejectsAFileThatRunsPastItsTime_AndTheBatchGoesOn()
    {
        using var services = Configured(new() { ["Limits:FileSeconds"] = "1", ["Limits:OcrSecondsPerFile"] = "1" }, slow: true);
        var processor = services.GetRequiredService<StatementProcessor>();

        var record = await processor.ProcessAsync(Hostile.HostileFiles.SeedUtf8(), "慢.txt", "u");

        Assert.Equal("too_slow", record.Rejection?.Code);
    }

    private static ServiceProvider Configured(Dictionary<string, string?> settings, bool slow = false) => Engine.Build(services =>
    {
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (slow)
        {
            services.AddSingleton<IDocumentReader, SlowReader>();
        }
    });

    /// <summary>A reader that takes its time and honours cancellation, as the real ones do.</summary>
    private sealed class SlowReader : IDocumentReader
    {
        public bool CanRead(FileKind kind) => kind == FileKind.Text;

        public async Task<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, DetectedFormat format, CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return ReadOutcome.Rejected("never", "never");
        }
    }
}
