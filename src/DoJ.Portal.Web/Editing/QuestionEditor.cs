using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Mail;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Moderation of citizens' questions, in the shape of the other editors: permission (editors and administrators),
/// the concurrency stamp on every step, the rules of <see cref="QuestionWorkflow"/>, an audit entry in the same save
/// (texts by <see cref="AuditFingerprint"/> only, never the asker's contact details), the asker's e-mail queued as an
/// <see cref="OutgoingMail"/> row with the change, then the eviction of the public Q&amp;A pages.
/// </summary>
public sealed class QuestionEditor(
    PortalDbContext db,
    ContentSanitizer sanitizer,
    AuditLog audit,
    PublicCache publicCache,
    SiteUrls urls,
    TimeProvider clock)
{
    public const string AnsweredPurpose = "question-answered";
    public const string DeclinedPurpose = "question-declined";

    /// <summary>The public name of the answer when the editor's account has no display name.</summary>
    public const string DefaultAnsweredByName = "Ban biên tập";

    private const string Entity = nameof(Question);
    private const string ChangedMeanwhile = "Câu hỏi vừa được người khác thay đổi sau khi bạn mở trang. Hãy xem lại trạng thái hiện tại rồi thực hiện lại.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanModerate(ClaimsPrincipal user) => ArticleEditor.CanPublish(user);

    /// <summary>One page of the queue, newest first.</summary>
    public async Task<PagedList<QuestionAdminItem>> ListAsync(QuestionAdminFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Questions.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(q => q.Status == status);
        }

        if (filter.FieldId is { } fieldId)
        {
            query = query.Where(q => q.FieldId == fieldId);
        }

        if (filter.AssignedToId == QuestionAdminFilter.Unassigned)
        {
            query = query.Where(q => q.AssignedToId == null);
        }
        else if (!string.IsNullOrEmpty(filter.AssignedToId))
        {
            query = query.Where(q => q.AssignedToId == filter.AssignedToId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Words))
        {
            var words = Clean(filter.Words);
            query = query.Where(q => q.Title.Contains(words));
        }

        var total = await query.LongCountAsync(cancellationToken);
        var rows = await (
            from q in query.OrderByDescending(q => q.ReceivedAtUtc).ThenByDescending(q => q.Id).Skip(PageNumber.Offset(page, pageSize)).Take(pageSize)
            join u in db.Users on q.AssignedToId equals u.Id into assigned
            from u in assigned.DefaultIfEmpty()
            select new { q.Id, q.TrackingCode, q.Title, Field = q.Field!.Name, q.Status, AssignedName = u == null ? null : u.DisplayName, AssignedEmail = u == null ? null : u.Email, q.ReceivedAtUtc })
            .ToListAsync(cancellationToken);
        var items = rows
            .OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new QuestionAdminItem(r.Id, r.TrackingCode, r.Title, r.Field, r.Status, StaffName(r.AssignedName, r.AssignedEmail), r.ReceivedAtUtc))
            .ToList();
        return new PagedList<QuestionAdminItem>(items, page, pageSize, total);
    }

    /// <summary>How many questions are in each status (every status listed, zero included).</summary>
    public async Task<List<QuestionStatusCount>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Questions.AsNoTracking().GroupBy(q => q.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<QuestionStatus>().Select(s => new QuestionStatusCount(s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
    }

    /// <summary>Questions an editor still has to deal with (received or in progress), for the dashboard.</summary>
    public Task<int> CountWaitingAsync(CancellationToken cancellationToken = default) =>
        db.Questions.AsNoTracking().CountAsync(q => q.Status == QuestionStatus.Received || q.Status == QuestionStatus.InProgress, cancellationToken);

    /// <summary>The fields of law (the register's managed list), for the queue's filter.</summary>
    public Task<List<FieldChoice>> FieldsAsync(CancellationToken cancellationToken = default) => FieldChoice.ListAsync(db, cancellationToken);

    /// <summary>The accounts a question can be assigned to: editors and administrators.</summary>
    public async Task<List<EditorChoice>> EditorsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == PortalRoles.Editor || r.Name == PortalRoles.Administrator
            select new { u.Id, u.DisplayName, u.Email })
            .AsNoTracking().Distinct().ToListAsync(cancellationToken);
        return rows.Select(r => new EditorChoice(r.Id, StaffName(r.DisplayName, r.Email, withEmail: true) ?? r.Id))
            .OrderBy(e => e.Name, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true)).ToList();
    }

    /// <summary>One question with everything staff see.</summary>
    public async Task<EditResult<QuestionDetails>> LoadAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!CanModerate(user))
        {
            return EditResult.Forbidden.As<QuestionDetails>();
        }

        var q = await db.Questions.AsNoTracking().Include(x => x.Field).Include(x => x.MergedInto).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (q is null)
        {
            return EditResult.NotFound.As<QuestionDetails>();
        }

        var assigned = q.AssignedToId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == q.AssignedToId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(cancellationToken);
        var duplicates = await db.Questions.AsNoTracking().Where(d => d.MergedIntoId == id).OrderBy(d => d.Id)
            .Select(d => new QuestionAdminItem(d.Id, d.TrackingCode, d.Title, d.Field!.Name, d.Status, null, d.ReceivedAtUtc))
            .ToListAsync(cancellationToken);
        return EditResult.Found(new QuestionDetails(
            q.Id, q.TrackingCode, q.Title, q.Slug, q.Body, q.Field?.Name ?? "", q.Status,
            q.AskerName, q.AskerEmail, q.AskerPhone, q.ShowFullName, q.PublicAskerName, q.ConsentedAtUtc, q.ReceivedAtUtc,
            q.AssignedToId, assigned is null ? null : StaffName(assigned.DisplayName, assigned.Email),
            q.Answer, q.AnsweredByName, q.PublishedAtUtc, q.DeclineReason, q.MergedIntoId, q.MergedInto?.Title, duplicates,
            q.PersonalDataErasedAtUtc, q.UpdatedAtUtc, q.ConcurrencyStamp));
    }

    /// <summary>Assigns the question to an editor or administrator (Mới nhận → Đang xử lý).</summary>
    public async Task<EditResult> AssignAsync(int id, string? assigneeId, Guid stamp, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var assignee = string.IsNullOrWhiteSpace(assigneeId) ? null : (await EditorsAsync(cancellationToken)).FirstOrDefault(e => e.Id == assigneeId);
        return await StepAsync(id, stamp, user, "Phân công", async question =>
        {
            if (assignee is null)
            {
                return EditResult.Invalid(nameof(QuestionAssignModel.AssigneeId), "Vui lòng chọn một biên tập viên trong danh sách.");
            }

            return QuestionWorkflow.Assign(question, assignee.Id) is { } refusal ? Refused(refusal, id) : null;
        }, "Đã phân công câu hỏi.", cancellationToken);
    }

    /// <summary>The signed-in editor takes the question.</summary>
    public Task<EditResult> TakeOverAsync(int id, Guid stamp, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return StepAsync(id, stamp, user, "Nhận xử lý", question =>
            Task.FromResult(QuestionWorkflow.Assign(question, UserId(user)) is { } refusal ? Refused(refusal, id) : null),
            "Bạn đã nhận xử lý câu hỏi.", cancellationToken);
    }

    /// <summary>
    /// Saves the answer (sanitized as an article body, within the same HTML limits); with <paramref name="publish"/>
    /// goes on to publish it in the same save.
    /// </summary>
    public async Task<EditResult> SaveAnswerAsync(int id, QuestionAnswerModel model, bool publish, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        if (HtmlLimits.Check(model.Answer) is { } tooDeep)
        {
            return EditResult.Invalid(nameof(model.Answer), tooDeep);
        }

        var answer = sanitizer.Sanitize(PathPrefix.OutOfHtml(urls.PathPrefix, model.Answer));
        if (answer.Length > Question.AnswerMaxLength)
        {
            return EditResult.Invalid(nameof(model.Answer), $"Câu trả lời dài quá {VietnameseNumber.Format(Question.AnswerMaxLength)} ký tự (tính cả định dạng). Hãy rút gọn.");
        }

        if (publish && !QuestionWorkflow.HasText(answer))
        {
            return EditResult.Invalid(nameof(model.Answer), "Chưa có câu trả lời: hãy soạn câu trả lời trước khi xuất bản.");
        }

        return await StepAsync(id, model.ConcurrencyStamp, user, publish ? "Trả lời và xuất bản" : "Lưu câu trả lời", async question =>
        {
            if (QuestionWorkflow.SaveAnswer(question, answer, UserId(user)) is { } refusal)
            {
                return Refused(refusal, id);
            }

            return publish ? await PublishStepAsync(question, user, cancellationToken) : null;
        }, publish ? "Đã lưu và xuất bản câu trả lời." : "Đã lưu bản nháp câu trả lời.", cancellationToken,
            conflictAnswer: answer);
    }

    /// <summary>Publishes the saved answer; the asker is told by e-mail when they gave one (first publication only).</summary>
    public Task<EditResult> PublishAsync(int id, Guid stamp, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        StepAsync(id, stamp, user, "Xuất bản", question => PublishStepAsync(question, user, cancellationToken),
            "Đã xuất bản câu hỏi và câu trả lời.", cancellationToken);

    /// <summary>Takes a published question down (Đã trả lời → Đang xử lý).</summary>
    public Task<EditResult> UnpublishAsync(int id, Guid stamp, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        StepAsync(id, stamp, user, "Gỡ xuống", question =>
            Task.FromResult(QuestionWorkflow.Unpublish(question) is { } refusal ? Refused(refusal, id) : null),
            "Đã gỡ câu hỏi khỏi trang công khai.", cancellationToken);

    /// <summary>Declines with a reason; the asker is told the reason by e-mail when they gave one.</summary>
    public Task<EditResult> DeclineAsync(int id, QuestionDeclineModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reason = Clean(model.Reason);
        return StepAsync(id, model.ConcurrencyStamp, user, "Từ chối", question =>
        {
            if (QuestionWorkflow.Decline(question, reason) is { } refusal)
            {
                return Task.FromResult<EditResult?>(refusal.WrongState ? Refused(refusal, id) : EditResult.Invalid(nameof(model.Reason), refusal.Message));
            }

            if (question.AskerEmail is { } email)
            {
                db.OutgoingMails.Add(OutgoingMail.Create(email,
                    $"Câu hỏi của bạn không được trả lời công khai (mã tra cứu {question.TrackingCode})",
                    DeclinedBody(question), DeclinedPurpose, Now));
            }

            return Task.FromResult<EditResult?>(null);
        }, "Đã từ chối câu hỏi.", cancellationToken);
    }

    /// <summary>Merges a duplicate into another question, which will answer both.</summary>
    public Task<EditResult> MergeAsync(int id, QuestionMergeModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return StepAsync(id, model.ConcurrencyStamp, user, "Gộp câu hỏi", async question =>
        {
            if (model.TargetId is not { } targetId)
            {
                return EditResult.Invalid(nameof(model.TargetId), "Vui lòng nhập số của câu hỏi cần gộp vào.");
            }

            var target = targetId == id ? question : await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == targetId, cancellationToken);
            if (target is null)
            {
                return EditResult.Invalid(nameof(model.TargetId), $"Không có câu hỏi số {targetId.ToString(CultureInfo.InvariantCulture)}.");
            }

            return QuestionWorkflow.Merge(question, target) is { } refusal
                ? refusal.WrongState ? Refused(refusal, id) : EditResult.Invalid(nameof(model.TargetId), refusal.Message)
                : null;
        }, "Đã gộp câu hỏi.", cancellationToken);
    }

    private async Task<EditResult?> PublishStepAsync(Question question, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        var displayName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var refusal = QuestionWorkflow.Publish(question, userId, string.IsNullOrWhiteSpace(displayName) ? DefaultAnsweredByName : displayName.Trim(), Now, out var first);
        if (refusal is not null)
        {
            return refusal.WrongState ? Refused(refusal, question.Id) : EditResult.Invalid(nameof(QuestionAnswerModel.Answer), refusal.Message);
        }

        if (first && question.AskerEmail is { } email)
        {
            db.OutgoingMails.Add(OutgoingMail.Create(email,
                $"Câu hỏi của bạn đã được trả lời (mã tra cứu {question.TrackingCode})",
                AnsweredBody(question), AnsweredPurpose, Now));
        }

        return null;
    }

    /// <summary>
    /// The shape of every step: load, permission, stamp, <paramref name="apply"/> (null when done, else the refusal),
    /// then one save with the audit entry (and any mail), and the eviction of the public pages.
    /// </summary>
    private async Task<EditResult> StepAsync(int id, Guid stamp, ClaimsPrincipal user, string action,
        Func<Question, Task<EditResult?>> apply, string notice, CancellationToken cancellationToken, string? conflictAnswer = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanModerate(user))
        {
            return EditResult.Forbidden;
        }

        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null)
        {
            return EditResult.NotFound;
        }

        if (question.ConcurrencyStamp != stamp)
        {
            return await ConflictAsync(question, conflictAnswer, cancellationToken);
        }

        var before = await SnapshotAsync(question, cancellationToken);
        var wasPublic = question.Status == QuestionStatus.Published;
        if (await apply(question) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }

        question.UpdatedAtUtc = Now;
        question.UpdatedById = UserId(user);
        db.ExpectStamp(question, stamp);
        audit.Record(user, action, Entity, Id(id), $"Câu hỏi số {Id(id)}", FieldDiff.Between(before, await SnapshotAsync(question, cancellationToken)));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            var current = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
            return current is null ? EditResult.NotFound : await ConflictAsync(current, conflictAnswer, cancellationToken);
        }

        if (wasPublic || question.Status == QuestionStatus.Published)
        {
            await publicCache.QuestionsChangedAsync();
        }

        return EditResult.Ok(id, notice);
    }

    /// <summary>
    /// A stale step. For the answer form: what differs between the saved answer and the form's (a 409 with the table,
    /// as articles); for the other steps: the refusal to show with the question's current state (also a 409).
    /// </summary>
    private async Task<EditResult> ConflictAsync(Question current, string? yourAnswer, CancellationToken cancellationToken)
    {
        if (yourAnswer is null)
        {
            return EditResult.Refused(ChangedMeanwhile, current.Id);
        }

        var savedBy = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        return EditResult.Conflicted(current.Id, savedBy ?? "", current.UpdatedAtUtc, current.ConcurrencyStamp,
            new Dictionary<string, string?> { ["Trạng thái"] = QuestionWorkflow.StatusName(current.Status), ["Câu trả lời"] = current.Answer ?? "" },
            new Dictionary<string, string?> { ["Câu trả lời"] = yourAnswer });
    }

    /// <summary>What the audit log keeps of a question: its status and who handles it; texts by fingerprint; never the asker's data.</summary>
    private async Task<Dictionary<string, string?>> SnapshotAsync(Question q, CancellationToken cancellationToken)
    {
        var assigned = q.AssignedToId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == q.AssignedToId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        return new Dictionary<string, string?>
        {
            ["Trạng thái"] = QuestionWorkflow.StatusName(q.Status),
            ["Người phụ trách"] = assigned ?? q.AssignedToId,
            ["Câu trả lời"] = AuditFingerprint.Of(q.Answer),
            ["Người trả lời"] = q.AnsweredByName,
            ["Tên người hỏi hiển thị"] = q.PublicAskerName is null ? null : q.ShowFullName ? "tên đầy đủ (người hỏi đồng ý)" : "chữ viết tắt",
            ["Xuất bản lúc"] = q.PublishedAtUtc is { } p ? VietnamTime.FormatDateTime(p) : null,
            ["Lý do từ chối"] = AuditFingerprint.Of(q.DeclineReason),
            ["Gộp vào câu hỏi số"] = q.MergedIntoId is { } m ? Id(m) : null,
        };
    }

    private string AnsweredBody(Question q) => new StringBuilder()
        .Append("Kính gửi Quý ông/bà,\n\n")
        .Append(CultureInfo.InvariantCulture, $"Sở Tư pháp đã trả lời câu hỏi “{q.Title}” mà Quý ông/bà gửi ngày {VietnamTime.FormatDateTime(q.ReceivedAtUtc)}.\n\n")
        .Append(CultureInfo.InvariantCulture, $"Xem câu hỏi và câu trả lời tại:\n{urls.Absolute(SiteUrls.Question(q.Id, q.Slug))}\n\n")
        .Append(CultureInfo.InvariantCulture, $"Mã tra cứu câu hỏi: {q.TrackingCode}\n\n")
        .Append("Đây là thư gửi tự động, xin vui lòng không trả lời thư này.\n")
        .ToString();

    private string DeclinedBody(Question q) => new StringBuilder()
        .Append("Kính gửi Quý ông/bà,\n\n")
        .Append(CultureInfo.InvariantCulture, $"Câu hỏi “{q.Title}” mà Quý ông/bà gửi ngày {VietnamTime.FormatDateTime(q.ReceivedAtUtc)} không được trả lời công khai trên cổng thông tin.\n\n")
        .Append(CultureInfo.InvariantCulture, $"Lý do: {q.DeclineReason}\n\n")
        .Append(CultureInfo.InvariantCulture, $"Tra cứu tình trạng câu hỏi (mã tra cứu {q.TrackingCode}):\n{urls.Absolute(SiteUrls.Track(q.TrackingCode))}\n\n")
        .Append("Đây là thư gửi tự động, xin vui lòng không trả lời thư này.\n")
        .ToString();

    private static EditResult Refused(QuestionRefusal refusal, int id) =>
        refusal.WrongState ? EditResult.Refused(refusal.Message, id) : EditResult.Invalid(nameof(QuestionAnswerModel.Answer), refusal.Message);

    /// <summary>A staff member as the queue shows them: the display name, else the e-mail (staff addresses, not citizens').</summary>
    private static string? StaffName(string? displayName, string? email, bool withEmail = false) =>
        string.IsNullOrWhiteSpace(displayName) ? email
        : withEmail && !string.IsNullOrWhiteSpace(email) ? $"{displayName} ({email})"
        : displayName;

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
