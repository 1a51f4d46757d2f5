using SelfReview.Contracts;
using SelfReview.Pipeline.Classification;

namespace SelfReview.Tests.Classification;

public sealed class DeadlineExtractorTests
{
    [Theory]
    [InlineData("力争2024年6月底前完成。", "2024年6月底前", "2024-06-30", DeadlineKind.Date)]
    [InlineData("于2025年3月15日前提交。", "2025年3月15日前", "2025-03-15", DeadlineKind.Date)]
    [InlineData("年底前全部整改到位。", "年底前", "2024-12-31", DeadlineKind.Date)]
    [InlineData("2024年上半年完成。", "2024年上半年", "2024-06-30", DeadlineKind.Date)]
    [InlineData("3个月内建立台账。", "3个月内", null, DeadlineKind.Date)]
    [InlineData("对发现的问题立行立改。", "立行立改", null, DeadlineKind.Immediate)]
    [InlineData("作风建设长期坚持。", "长期坚持", null, DeadlineKind.Ongoing)]
    [InlineData("每季度开展一次专题研讨。", "每季度", null, DeadlineKind.Recurring)]
    public void Extract_ReadsTheDeadlineAsWritten_AndTheDateItNames(string text, string written, string? due, DeadlineKind kind)
    {
        var deadline = Engine.Get<DeadlineExtractor>().Extract(text, meetingYear: 2024);

        Assert.NotNull(deadline);
        Assert.Equal(written, deadline.Text);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline.DueDate);
        Assert.Equal(kind, deadline.Kind);
    }

    [Fact]
    public void Extract_FindsNothing_InAMeasureWithoutATime() =>
        Assert.Null(Engine.Get<DeadlineExtractor>().Extract("坚持把学习作为第一需要，持续深化理论武装。", 2024));

    [Theory]
    [InlineData("3个月内建立台账。", "2025-04-10")]
    [InlineData("两周内整改到位。", "2025-01-24")]
    [InlineData("报修三日内办结。", "2025-01-13")]
    public void Extract_DatesARelativePeriod_FromTheMeetingDate(string text, string due)
    {
        var deadline = Engine.Get<DeadlineExtractor>().Extract(text, 2025, new DateOnly(2025, 1, 10));

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline?.DueDate);
    }

    [Fact]
    public void ExtractLabelled_TakesOnlyTheDeadlineTheAuthorLabels_AfterAProblem()
    {
        var extractor = Engine.Get<DeadlineExtractor>();

        Assert.Equal("2025年年底前", extractor.ExtractLabelled("2024年6月审计时发现台账不全。\n整改时限：2025年年底前", 2025)?.Text);
        Assert.Null(extractor.ExtractLabelled("2024年6月审计时发现台账不全。", 2025));
    }
}
