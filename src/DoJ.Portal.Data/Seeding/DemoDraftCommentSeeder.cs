using System.Globalization;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// Lấy ý kiến dự thảo, demo (docs/draft-comments.md): a draft plan of the department, published in the register and
/// open for comment from 10 days before the first start to 20 days after it, with its draft as a DOCX file and a few
/// fictional comments (<c>@example.invalid</c>). Part of <see cref="DemoContentSeeder.SeedAsync"/>, so it runs once,
/// into an empty database.
/// </summary>
internal static class DemoDraftCommentSeeder
{
    public const string Number = "Dự thảo/KH-STP";

    public const int OpensDaysBefore = 10;

    public const int ClosesDaysAfter = 20;

    public static async Task SeedAsync(PortalDbContext db, string filesRoot, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var terms = await db.RegisterTerms.ToListAsync(cancellationToken);
        RegisterTerm Term(RegisterTermKind kind, string slug) =>
            terms.SingleOrDefault(t => t.Kind == kind && t.Slug == slug)
            ?? throw new InvalidOperationException($"The demo draft names the {kind} '{slug}', which register-terms.json does not have.");

        var today = VietnamTime.DayOf(nowUtc);
        var opensOn = today.AddDays(-OpensDaysBefore);
        var closesOn = today.AddDays(ClosesDaysAfter);
        var year = (closesOn.Year + 1).ToString(CultureInfo.InvariantCulture);
        var type = Term(RegisterTermKind.DocumentType, "ke-hoach");
        var summary = $"Dự thảo Kế hoạch triển khai công tác hòa giải ở cơ sở và xây dựng cấp xã đạt chuẩn tiếp cận pháp luật năm {year}";
        var publishedUtc = VietnamTime.ToUtc(opensOn.ToDateTime(new TimeOnly(8, 0)));
        var document = new LegalDocument
        {
            Number = Number,
            NumberKey = DocumentNumber.Key(Number),
            Slug = Slug.From($"{type.Name} {summary}", LegalDocument.SlugMaxLength),
            Abstract = summary,
            Signer = "",
            DocumentType = type,
            IssuingBody = Term(RegisterTermKind.IssuingBody, "so-tu-phap"),
            Field = Term(RegisterTermKind.Field, "hoa-giai-o-co-so"),
            IssuedOn = opensOn,
            // A draft is not in effect: the date the plan would apply from once adopted.
            EffectiveOn = closesOn.AddDays(30),
            CommentsOpenOn = opensOn,
            CommentsCloseOn = closesOn,
            Status = ArticleStatus.Published,
            PublishedAtUtc = publishedUtc,
            CreatedAtUtc = publishedUtc.AddMinutes(-45),
            UpdatedAtUtc = publishedUtc,
        };
        var lines = new List<FileLine>
        {
            new("SỞ TƯ PHÁP", FileLineStyle.Heading),
            new("DỰ THẢO", FileLineStyle.Subtitle),
            new("KẾ HOẠCH", FileLineStyle.Title),
            new($"Triển khai công tác hòa giải ở cơ sở và xây dựng cấp xã đạt chuẩn tiếp cận pháp luật năm {year}", FileLineStyle.Subtitle),
            new("I. MỤC ĐÍCH, YÊU CẦU", FileLineStyle.Body),
            new("1. Nâng cao chất lượng, hiệu quả hoạt động của tổ hòa giải ở cơ sở; kịp thời hướng dẫn, giải quyết mâu thuẫn, tranh chấp nhỏ ngay tại thôn, tổ dân phố.", FileLineStyle.Body),
            new("2. Bồi dưỡng kỹ năng cho hòa giải viên; cập nhật tài liệu nghiệp vụ theo quy định mới.", FileLineStyle.Body),
            new("II. NHIỆM VỤ", FileLineStyle.Body),
            new("1. Tổ chức tập huấn kỹ năng hòa giải cho hòa giải viên ở cơ sở, ưu tiên địa bàn vùng sâu, vùng xa.", FileLineStyle.Body),
            new("2. Đánh giá, công nhận cấp xã đạt chuẩn tiếp cận pháp luật theo các tiêu chí hiện hành.", FileLineStyle.Body),
            new("III. TỔ CHỨC THỰC HIỆN", FileLineStyle.Body),
            new("Sở Tư pháp chủ trì, phối hợp với Ủy ban nhân dân các xã, phường triển khai Kế hoạch; báo cáo kết quả trước ngày 15 tháng 12.", FileLineStyle.Body),
        };
        document.Attachments.Add(new Attachment
        {
            StoredFile = DocumentFiles.Store(filesRoot, DocxWriter.Write(lines, "Dự thảo Kế hoạch"), FileKind.Docx, "du-thao-ke-hoach-hoa-giai.docx", publishedUtc.AddMinutes(-30)),
            DisplayName = "Dự thảo Kế hoạch (bản Word)",
            Position = 1,
        });
        document.Comments.Add(new DocumentComment
        {
            CommenterName = "Lê Thị Mẫu",
            CommenterEmail = "le.thi.mau@example.invalid",
            Body = "Đề nghị bổ sung nội dung tập huấn kỹ năng hòa giải các tranh chấp đất đai trong gia đình, vì đây là loại việc phát sinh nhiều nhất ở địa bàn.",
            ConsentedAtUtc = nowUtc.AddDays(-6),
            ReceivedAtUtc = nowUtc.AddDays(-6),
            Status = CommentStatus.Accepted,
            ModerationNote = "Tiếp thu tại mục II.1.",
            ModeratedAtUtc = nowUtc.AddDays(-5),
        });
        document.Comments.Add(new DocumentComment
        {
            CommenterName = "Trần Văn Thử",
            Organisation = "Hội Luật gia phường (mẫu)",
            CommenterPhone = "0912000111",
            CommenterEmail = "tran.van.thu@example.invalid",
            Body = "Mục III nên quy định rõ thời hạn các xã, phường gửi báo cáo sơ kết 6 tháng để Sở tổng hợp kịp thời.",
            ConsentedAtUtc = nowUtc.AddDays(-2),
            ReceivedAtUtc = nowUtc.AddDays(-2),
            Status = CommentStatus.Pending,
        });
        db.LegalDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        db.LegalDocumentRevisions.Add(LegalDocumentRevision.Of(document, nowUtc, null, DemoContentSeeder.SeedByline));
        await db.SaveChangesAsync(cancellationToken);
    }
}
