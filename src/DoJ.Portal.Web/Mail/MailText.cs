using DoJ.Portal.Data.Repositories;

namespace DoJ.Portal.Web.Mail;

/// <summary>How the mail list reads to an administrator.</summary>
public static class MailText
{
    /// <summary>What a message is for, as the outbox's "Loại" column shows it; an unknown purpose as stored.</summary>
    public static string PurposeName(string purpose) => purpose switch
    {
        Citizens.QuestionIntake.ReceivedPurpose => "Báo câu hỏi mới (cán bộ)",
        Citizens.QuestionIntake.ReceiptPurpose => "Xác nhận đã nhận câu hỏi",
        Editing.QuestionEditor.AnsweredPurpose => "Báo câu hỏi đã được trả lời",
        Editing.QuestionEditor.DeclinedPurpose => "Báo câu hỏi bị từ chối",
        _ => purpose,
    };

    public static string StateName(MailState state) => state switch
    {
        MailState.Waiting => "Chờ gửi",
        MailState.Retrying => "Lỗi, đang thử lại",
        MailState.Sent => "Đã gửi",
        _ => "Đã bỏ",
    };

    /// <summary>
    /// The recipient as the list shows it: the first two characters of the local part and the domain
    /// (<c>ng***@gmail.com</c>); enough to tell messages apart, not to collect addresses from the screen.
    /// </summary>
    public static string Mask(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        var local = address[..at];
        return (local.Length <= 2 ? local[..1] : local[..2]) + "***" + address[at..];
    }
}
