using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Citizens;

namespace DoJ.Portal.UnitTests.Documents;

public sealed class DraftCommentPeriodTests
{
    private static readonly DateOnly Opens = new(2026, 12, 1);
    private static readonly DateOnly Closes = new(2026, 12, 20);

    public static TheoryData<DateOnly, CommentPeriodState> DaysAroundThePeriod => new()
    {
        { Opens.AddDays(-30), CommentPeriodState.NotYetOpen },
        { Opens.AddDays(-1), CommentPeriodState.NotYetOpen },
        { Opens, CommentPeriodState.Open },
        { Closes, CommentPeriodState.Open },
        { Closes.AddDays(1), CommentPeriodState.Closed },
        { Closes.AddYears(3), CommentPeriodState.Closed },
    };

    [Theory]
    [MemberData(nameof(DaysAroundThePeriod))]
    public void The_period_opens_on_its_first_day_and_still_takes_comments_on_its_last(DateOnly today, CommentPeriodState expected)
    {
        Assert.Equal(expected, CommentPeriod.StateOn(Opens, Closes, today));
        var document = new LegalDocument { CommentsOpenOn = Opens, CommentsCloseOn = Closes };
        // The domain's own rule agrees.
        Assert.Equal(expected == CommentPeriodState.Open, document.IsOpenForCommentOn(today));
        Assert.Equal(expected, document.CommentStateOn(today));
    }

    [Fact]
    public void A_one_day_period_is_open_on_that_day_only()
    {
        Assert.Equal(CommentPeriodState.NotYetOpen, CommentPeriod.StateOn(Opens, Opens, Opens.AddDays(-1)));
        Assert.Equal(CommentPeriodState.Open, CommentPeriod.StateOn(Opens, Opens, Opens));
        Assert.Equal(CommentPeriodState.Closed, CommentPeriod.StateOn(Opens, Opens, Opens.AddDays(1)));
    }

    [Fact]
    public void A_document_without_both_days_has_no_period()
    {
        Assert.Equal(CommentPeriodState.None, CommentPeriod.StateOn(null, null, Opens));
        Assert.Equal(CommentPeriodState.None, CommentPeriod.StateOn(Opens, null, Opens));
        Assert.Equal(CommentPeriodState.None, CommentPeriod.StateOn(null, Closes, Opens));
    }

    [Fact]
    public void The_editor_needs_both_days_or_neither_and_the_close_not_before_the_open()
    {
        Assert.Null(CommentPeriod.Refusal(null, null));
        Assert.Null(CommentPeriod.Refusal(Opens, Closes));
        Assert.Null(CommentPeriod.Refusal(Opens, Opens));
        Assert.Equal("Vui lòng nhập cả ngày kết thúc lấy ý kiến (hoặc để trống cả hai ngày).", CommentPeriod.Refusal(Opens, null));
        Assert.Equal("Vui lòng nhập cả ngày bắt đầu lấy ý kiến (hoặc để trống cả hai ngày).", CommentPeriod.Refusal(null, Closes));
        Assert.Equal("Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu.", CommentPeriod.Refusal(Closes, Opens));
    }

    [Fact]
    public void The_Vietnam_day_decides_so_17_00_UTC_is_already_the_next_day()
    {
        // 30/11 17:00 UTC is 01/12 00:00 in Vietnam: the first second of the period.
        Assert.Equal(Opens, VietnamTime.DayOf(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(Opens.AddDays(-1), VietnamTime.DayOf(new DateTime(2026, 11, 30, 16, 59, 59, DateTimeKind.Utc)));
    }

    [Fact]
    public void Outside_the_period_the_form_says_when_it_runs_in_Vietnamese_dates()
    {
        var document = new DocumentCommentTarget(1, "Dự thảo/KH-STP", "du-thao", "Dự thảo kế hoạch", "Kế hoạch", Opens, Closes, false);

        Assert.Null(DraftCommentIntake.PeriodMessage(document, Opens));
        Assert.Contains("chưa mở lấy ý kiến", DraftCommentIntake.PeriodMessage(document, Opens.AddDays(-1)), StringComparison.Ordinal);
        Assert.Contains("từ ngày 01/12/2026 đến hết ngày 20/12/2026", DraftCommentIntake.PeriodMessage(document, Opens.AddDays(-1)), StringComparison.Ordinal);
        Assert.Contains("Đã hết hạn lấy ý kiến", DraftCommentIntake.PeriodMessage(document, Closes.AddDays(1)), StringComparison.Ordinal);
        Assert.Contains("chưa được lưu", DraftCommentIntake.PeriodMessage(document, Closes.AddDays(1)), StringComparison.Ordinal);
    }
}
