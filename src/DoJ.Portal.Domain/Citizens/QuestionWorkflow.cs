namespace DoJ.Portal.Domain.Citizens;

/// <summary>
/// The moderation rules of a citizen's question: which status allows which step, and what each step changes.
/// Received and InProgress are "open" (waiting for an answer); Published can only be taken down; Declined and
/// Merged are final. Each step answers null when done, else why it is refused (<see cref="QuestionRefusal"/>); nothing is
/// changed on a refusal.
/// </summary>
public static class QuestionWorkflow
{
    /// <summary>A question still waiting for its answer (the queue's "chờ xử lý").</summary>
    public static bool IsOpen(QuestionStatus status) => status is QuestionStatus.Received or QuestionStatus.InProgress;

    /// <summary>The statuses an editor still has work on, for the dashboard's count.</summary>
    public static readonly IReadOnlyList<QuestionStatus> Waiting = [QuestionStatus.Received, QuestionStatus.InProgress];

    /// <summary>The status as staff read it (named here, not as an extension, so other screens may word it their own way).</summary>
    public static string StatusName(QuestionStatus status) => status switch
    {
        QuestionStatus.Received => "Mới nhận",
        QuestionStatus.InProgress => "Đang xử lý",
        QuestionStatus.Published => "Đã trả lời",
        QuestionStatus.Declined => "Từ chối",
        QuestionStatus.Merged => "Đã gộp",
        _ => status.ToString(),
    };

    /// <summary>Assigns the question to an editor; a new question goes from Received to InProgress.</summary>
    public static QuestionRefusal? Assign(Question question, string editorId)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(editorId);
        if (!IsOpen(question.Status))
        {
            return Refusal("phân công", question.Status);
        }

        question.AssignedToId = editorId;
        question.Status = QuestionStatus.InProgress;
        return null;
    }

    /// <summary>
    /// Keeps a draft answer (sanitized HTML, not yet public). Whoever writes on an unassigned question takes it:
    /// it becomes InProgress and theirs.
    /// </summary>
    public static QuestionRefusal? SaveAnswer(Question question, string answerHtml, string editorId)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answerHtml);
        ArgumentException.ThrowIfNullOrWhiteSpace(editorId);
        if (!IsOpen(question.Status))
        {
            return question.Status == QuestionStatus.Published
                ? new QuestionRefusal("Câu hỏi đang được công khai: hãy gỡ xuống trước khi sửa câu trả lời.", WrongState: true)
                : Refusal("soạn câu trả lời cho", question.Status);
        }

        question.Answer = answerHtml.Length == 0 ? null : answerHtml;
        question.AssignedToId ??= editorId;
        question.Status = QuestionStatus.InProgress;
        return null;
    }

    /// <summary>
    /// Publishes the question with its answer. The asker's public name is fixed now: their full name only if they
    /// agreed to show it, else its initials (<see cref="ContactDetails.Initials"/>). The first publication time is
    /// kept when a question taken down is published again. Answers whether this is the first publication.
    /// </summary>
    public static QuestionRefusal? Publish(Question question, string editorId, string answeredByName, DateTime nowUtc, out bool first)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(editorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(answeredByName);
        first = false;
        if (!IsOpen(question.Status))
        {
            return Refusal("xuất bản", question.Status);
        }

        if (!HasText(question.Answer))
        {
            return new QuestionRefusal("Chưa có câu trả lời: hãy soạn và lưu câu trả lời trước khi xuất bản.", WrongState: false);
        }

        question.PublicAskerName = PublicName(question);
        question.AnsweredById = editorId;
        question.AnsweredByName = answeredByName.Length <= Question.PublicNameMaxLength ? answeredByName : answeredByName[..Question.PublicNameMaxLength];
        question.AssignedToId ??= editorId;
        first = question.PublishedAtUtc is null;
        question.PublishedAtUtc ??= DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        question.Status = QuestionStatus.Published;
        return null;
    }

    /// <summary>Takes a published question down: it leaves the public pages and is InProgress again, its answer kept.</summary>
    public static QuestionRefusal? Unpublish(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Status != QuestionStatus.Published)
        {
            return Refusal("gỡ xuống", question.Status);
        }

        question.Status = QuestionStatus.InProgress;
        return null;
    }

    /// <summary>Declines an open question with a reason the asker reads on the tracking page (and by e-mail).</summary>
    public static QuestionRefusal? Decline(Question question, string reason)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new QuestionRefusal("Vui lòng nhập lý do từ chối.", WrongState: false);
        }

        if (reason.Trim().Length > Question.ReasonMaxLength)
        {
            return new QuestionRefusal($"Lý do từ chối dài tối đa {Question.ReasonMaxLength} ký tự.", WrongState: false);
        }

        if (!IsOpen(question.Status))
        {
            return Refusal("từ chối", question.Status);
        }

        question.DeclineReason = reason.Trim();
        question.Status = QuestionStatus.Declined;
        return null;
    }

    /// <summary>
    /// Merges an open duplicate into <paramref name="target"/>, which answers it. Refused into itself, into a question
    /// that is itself merged (no chains) or declined (it will never be answered).
    /// </summary>
    public static QuestionRefusal? Merge(Question question, Question target)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Id == question.Id)
        {
            return new QuestionRefusal("Không thể gộp câu hỏi vào chính nó.", WrongState: false);
        }

        if (target.Status == QuestionStatus.Merged)
        {
            return new QuestionRefusal($"Câu hỏi số {target.Id} đã được gộp vào câu hỏi khác; hãy gộp vào câu hỏi số {target.MergedIntoId}.", WrongState: false);
        }

        if (target.Status == QuestionStatus.Declined)
        {
            return new QuestionRefusal($"Câu hỏi số {target.Id} đã bị từ chối; hãy chọn một câu hỏi sẽ được trả lời.", WrongState: false);
        }

        if (!IsOpen(question.Status))
        {
            return Refusal("gộp", question.Status);
        }

        question.MergedIntoId = target.Id;
        question.Status = QuestionStatus.Merged;
        return null;
    }

    /// <summary>The name published with the answer: in full only with the asker's agreement; "Bạn đọc" once it is erased.</summary>
    public static string PublicName(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.AskerName is not { } name || string.IsNullOrWhiteSpace(name))
        {
            return question.PublicAskerName ?? ContactDetails.Initials(null);
        }

        var full = name.Trim();
        return question.ShowFullName && full.Length <= Question.PublicNameMaxLength ? full : ContactDetails.Initials(full);
    }

    /// <summary>Whether an answer's HTML holds anything a reader would see (text or an image), not just empty paragraphs.</summary>
    public static bool HasText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return false;
        }

        if (html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var inTag = false;
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag && !char.IsWhiteSpace(c))
            {
                if (c == '&' && html.AsSpan(i).StartsWith("&nbsp;", StringComparison.Ordinal))
                {
                    i += 5;
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    private static QuestionRefusal Refusal(string action, QuestionStatus status) =>
        new($"Không thể {action} câu hỏi ở trạng thái “{StatusName(status)}”.", WrongState: true);
}

/// <summary>Why a moderation step was refused, in Vietnamese: the question's status (<paramref name="WrongState"/>) or what the editor gave.</summary>
public sealed record QuestionRefusal(string Message, bool WrongState);
