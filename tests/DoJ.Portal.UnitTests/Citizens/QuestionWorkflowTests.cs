using DoJ.Portal.Domain.Citizens;

namespace DoJ.Portal.UnitTests.Citizens;

public sealed class QuestionWorkflowTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private static Question New(QuestionStatus status = QuestionStatus.Received, string? answer = null) =>
        new() { Id = 7, Status = status, AskerName = "Trần Văn Bình", Answer = answer };

    [Fact]
    public void Assigning_a_new_question_puts_it_in_progress_with_its_editor()
    {
        var question = New();
        Assert.Null(QuestionWorkflow.Assign(question, "bien-tap-1"));
        Assert.Equal(QuestionStatus.InProgress, question.Status);
        Assert.Equal("bien-tap-1", question.AssignedToId);
    }

    [Theory]
    [InlineData(QuestionStatus.Published)]
    [InlineData(QuestionStatus.Declined)]
    [InlineData(QuestionStatus.Merged)]
    public void A_question_that_is_no_longer_open_cannot_be_assigned_answered_declined_or_merged(QuestionStatus status)
    {
        var question = New(status, "<p>Trả lời</p>");
        Assert.True(QuestionWorkflow.Assign(question, "x")!.WrongState);
        Assert.True(QuestionWorkflow.SaveAnswer(question, "<p>Khác</p>", "x")!.WrongState);
        Assert.True(QuestionWorkflow.Decline(question, "Lý do")!.WrongState);
        Assert.True(QuestionWorkflow.Merge(question, new Question { Id = 8, Status = QuestionStatus.Received })!.WrongState);
        Assert.Equal(status, question.Status);
        Assert.Equal("<p>Trả lời</p>", question.Answer);
    }

    [Fact]
    public void Saving_an_answer_takes_an_unassigned_question_but_keeps_an_assigned_one_with_its_editor()
    {
        var free = New();
        Assert.Null(QuestionWorkflow.SaveAnswer(free, "<p>A</p>", "me"));
        Assert.Equal(("me", QuestionStatus.InProgress), (free.AssignedToId, free.Status));

        var taken = New();
        taken.AssignedToId = "colleague";
        Assert.Null(QuestionWorkflow.SaveAnswer(taken, "<p>A</p>", "me"));
        Assert.Equal("colleague", taken.AssignedToId);
    }

    [Fact]
    public void Publishing_needs_an_answer_a_reader_can_see()
    {
        foreach (var empty in new[] { null, "", "<p><br></p>", "<p>&nbsp; </p>" })
        {
            var question = New(answer: empty);
            var refusal = QuestionWorkflow.Publish(question, "me", "Biên tập", Now, out _);
            Assert.NotNull(refusal);
            Assert.False(refusal.WrongState);
            Assert.Equal(QuestionStatus.Received, question.Status);
            Assert.Null(question.PublicAskerName);
        }

        Assert.True(QuestionWorkflow.HasText("<p><img src=\"/a.png\" alt=\"\"></p>"));
    }

    [Fact]
    public void Publishing_shows_initials_unless_the_asker_agreed_to_the_full_name()
    {
        var shortened = New(answer: "<p>Được.</p>");
        Assert.Null(QuestionWorkflow.Publish(shortened, "me", "Phòng Hành chính tư pháp", Now, out var first));
        Assert.True(first);
        Assert.Equal("T.V.B.", shortened.PublicAskerName);
        Assert.Equal((QuestionStatus.Published, Now, "Phòng Hành chính tư pháp", "me"), (shortened.Status, shortened.PublishedAtUtc!.Value, shortened.AnsweredByName, shortened.AnsweredById));

        var full = New(answer: "<p>Được.</p>");
        full.ShowFullName = true;
        Assert.Null(QuestionWorkflow.Publish(full, "me", "Biên tập", Now, out _));
        Assert.Equal("Trần Văn Bình", full.PublicAskerName);
    }

    [Fact]
    public void A_question_taken_down_and_published_again_keeps_its_first_time_and_its_public_name_after_erasure()
    {
        var question = New(answer: "<p>Được.</p>");
        QuestionWorkflow.Publish(question, "me", "Biên tập", Now, out _);
        Assert.Null(QuestionWorkflow.Unpublish(question));
        Assert.Equal(QuestionStatus.InProgress, question.Status);
        Assert.NotNull(QuestionWorkflow.Unpublish(question));

        question.ErasePersonalData(Now);
        Assert.Null(QuestionWorkflow.Publish(question, "me", "Biên tập", Now.AddDays(1), out var first));
        Assert.False(first);
        Assert.Equal(Now, question.PublishedAtUtc);
        Assert.Equal("T.V.B.", question.PublicAskerName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Declining_needs_a_reason(string reason)
    {
        var question = New();
        var refusal = QuestionWorkflow.Decline(question, reason);
        Assert.False(refusal!.WrongState);
        Assert.Equal(QuestionStatus.Received, question.Status);
        Assert.NotNull(QuestionWorkflow.Decline(question, new string('x', Question.ReasonMaxLength + 1)));

        Assert.Null(QuestionWorkflow.Decline(question, "  Ngoài thẩm quyền  "));
        Assert.Equal((QuestionStatus.Declined, "Ngoài thẩm quyền"), (question.Status, question.DeclineReason));
    }

    [Fact]
    public void A_duplicate_merges_into_an_open_or_answered_question_only()
    {
        var duplicate = New();
        Assert.NotNull(QuestionWorkflow.Merge(duplicate, duplicate));
        Assert.NotNull(QuestionWorkflow.Merge(duplicate, new Question { Id = 9, Status = QuestionStatus.Merged, MergedIntoId = 3 }));
        Assert.NotNull(QuestionWorkflow.Merge(duplicate, new Question { Id = 9, Status = QuestionStatus.Declined }));
        Assert.Equal(QuestionStatus.Received, duplicate.Status);

        Assert.Null(QuestionWorkflow.Merge(duplicate, new Question { Id = 9, Status = QuestionStatus.Published }));
        Assert.Equal((QuestionStatus.Merged, (int?)9), (duplicate.Status, duplicate.MergedIntoId));
    }
}
