using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Time;

namespace DoJ.Portal.Web.Citizens;

/// <summary>What a citizen or an organisation types on a draft's comment form (<c>/van-ban/{id}/{slug}/gop-y</c>).</summary>
public sealed class DraftCommentInput
{
    [Display(Name = "Họ và tên")]
    public string? Name { get; set; }

    [Display(Name = "Cơ quan, tổ chức (nếu có)")]
    public string? Organisation { get; set; }

    [Display(Name = "Thư điện tử")]
    public string? Email { get; set; }

    [Display(Name = "Số điện thoại")]
    public string? Phone { get; set; }

    [Display(Name = "Nội dung góp ý")]
    public string? Body { get; set; }

    /// <summary>Đồng ý xử lý dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): required.</summary>
    public bool Consent { get; set; }
}

/// <summary>A refusal of one field of the form, in Vietnamese.</summary>
public sealed record FieldRefusal(string Field, string Message);

/// <summary>
/// Checks and stores comments on drafts. A comment is stored only for a public document, inside its period (the
/// opening day 00:00 to the closing day 23:59:59, Vietnam time, on the portal's clock), with a name, a valid e-mail
/// and/or phone, a text within the limit and consent; anything else stores nothing. The commenter's name and contact
/// details are personal data: never logged, never audited, shown to editors only.
/// </summary>
public sealed class DraftCommentIntake(PortalDbContext db, TimeProvider clock, ILogger<DraftCommentIntake> logger)
{
    /// <summary>The form's name for <see cref="CitizenFormGuard"/> (its token and its rate are per form).</summary>
    public const string FormName = "gop-y-du-thao";

    /// <summary>Shortest comment accepted (a few words): shorter ones are almost always a mistake.</summary>
    public const int BodyMinLength = 10;

    /// <summary>The field errors of <paramref name="input"/>, in the order of the form; empty when it may be stored.</summary>
    public static List<FieldRefusal> Check(DraftCommentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var refusals = new List<FieldRefusal>();
        var name = Clean(input.Name);
        if (name.Length == 0)
        {
            refusals.Add(new(nameof(input.Name), "Vui lòng nhập họ và tên."));
        }
        else if (name.Length > DocumentComment.NameMaxLength)
        {
            refusals.Add(new(nameof(input.Name), $"Họ và tên dài tối đa {DocumentComment.NameMaxLength} ký tự."));
        }

        if (Clean(input.Organisation).Length > DocumentComment.OrganisationMaxLength)
        {
            refusals.Add(new(nameof(input.Organisation), $"Tên cơ quan, tổ chức dài tối đa {DocumentComment.OrganisationMaxLength} ký tự."));
        }

        var hasEmail = !string.IsNullOrWhiteSpace(input.Email);
        var hasPhone = !string.IsNullOrWhiteSpace(input.Phone);
        if (!hasEmail && !hasPhone)
        {
            refusals.Add(new(nameof(input.Email), "Vui lòng nhập địa chỉ thư điện tử hoặc số điện thoại (ít nhất một) để cơ quan liên hệ khi cần."));
        }

        if (hasEmail && ContactDetails.NormalizeEmail(input.Email) is null)
        {
            refusals.Add(new(nameof(input.Email), "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com)."));
        }

        if (hasPhone && ContactDetails.NormalizePhone(input.Phone) is null)
        {
            refusals.Add(new(nameof(input.Phone), "Số điện thoại không hợp lệ (ví dụ: 0912 345 678 hoặc (0234) 3822 123)."));
        }

        var body = Clean(input.Body);
        if (body.Length < BodyMinLength)
        {
            refusals.Add(new(nameof(input.Body), $"Vui lòng nhập nội dung góp ý (ít nhất {BodyMinLength} ký tự)."));
        }
        else if (body.Length > DocumentComment.BodyMaxLength)
        {
            refusals.Add(new(nameof(input.Body), $"Nội dung góp ý dài tối đa {Number(DocumentComment.BodyMaxLength)} ký tự (hiện có {Number(body.Length)})."));
        }

        if (!input.Consent)
        {
            refusals.Add(new(nameof(input.Consent), "Vui lòng đồng ý với việc xử lý dữ liệu cá nhân để gửi góp ý."));
        }

        return refusals;
    }

    /// <summary>Why a comment on <paramref name="document"/> cannot be sent today (Vietnam day on the portal's clock), or null.</summary>
    public string? PeriodRefusal(DocumentCommentTarget document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PeriodMessage(document, VietnamTime.Today(clock));
    }

    /// <summary>The message for a period that is not open on <paramref name="today"/>; null while it is.</summary>
    public static string? PeriodMessage(DocumentCommentTarget document, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.StateOn(today) switch
        {
            CommentPeriodState.Open => null,
            CommentPeriodState.NotYetOpen =>
                $"Văn bản này chưa mở lấy ý kiến. Góp ý được nhận từ ngày {Day(document.CommentsOpenOn)} đến hết ngày {Day(document.CommentsCloseOn)}. Góp ý của bạn chưa được lưu.",
            CommentPeriodState.Closed =>
                $"Đã hết hạn lấy ý kiến đối với văn bản này (hạn cuối: hết ngày {Day(document.CommentsCloseOn)}). Góp ý của bạn chưa được lưu.",
            _ => "Văn bản này không lấy ý kiến góp ý.",
        };
    }

    /// <summary>Stores a checked comment (<see cref="Check"/> found nothing) on a document open for comment; answers its id.</summary>
    public async Task<int> StoreAsync(DocumentCommentTarget document, DraftCommentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = Clean(input.Organisation);
        var comment = new DocumentComment
        {
            LegalDocumentId = document.Id,
            CommenterName = Clean(input.Name),
            Organisation = organisation.Length == 0 ? null : organisation,
            CommenterEmail = ContactDetails.NormalizeEmail(input.Email),
            CommenterPhone = ContactDetails.NormalizePhone(input.Phone),
            Body = Clean(input.Body),
            ConsentedAtUtc = now,
            ReceivedAtUtc = now,
            Status = CommentStatus.Pending,
        };
        db.DocumentComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        // Ids only: the commenter's name and contact details never reach a log.
        logger.LogInformation("Comment {CommentId} received on document {DocumentId}", comment.Id, document.Id);
        return comment.Id;
    }

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Day(DateOnly? day) => day?.ToString(VietnamTime.DateFormat, CultureInfo.InvariantCulture) ?? "";

    private static string Number(int value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
