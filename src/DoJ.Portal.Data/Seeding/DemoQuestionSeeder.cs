using System.Globalization;
using System.Text.RegularExpressions;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// Turns the demo articles of the old "Hỏi đáp pháp luật" category into citizens' questions (fresh databases only): each
/// article's "Hỏi:" part becomes the question and its "Trả lời:" part the answer, asked by a fictional person with an
/// <c>@example.invalid</c> address, published on the article's date (a draft becomes a question being answered). The
/// articles and the category are removed, and their old addresses answer 301: each article's to its question, the
/// category's and its feed's to <c>/hoi-dap</c>.
/// </summary>
public static partial class DemoQuestionSeeder
{
    public const string CategorySlug = "hoi-dap-phap-luat";
    public const string QuestionsPath = "/hoi-dap";

    /// <summary>Fictional askers, in the order of the category's demo articles; the addresses can never be delivered.</summary>
    private static readonly (string Name, string? Email, string? Phone, bool ShowFullName)[] Askers =
    [
        ("Nguyễn Thị Hạnh", "nguyen.thi.hanh@example.invalid", null, false),
        ("Trần Văn Tùng", "tran.van.tung@example.invalid", "0912000111", true),
        ("Lê Minh Khang", null, "0234000222", false),
        ("Phạm Thị Lan", "pham.thi.lan@example.invalid", null, false),
    ];

    /// <summary>Which field a demo question belongs to, by a word of its title; the first field when none matches.</summary>
    private static readonly (string Word, string Field, string AnsweredBy)[] Fields =
    [
        ("khai sinh", "ho-tich", "Phòng Hành chính tư pháp"),
        ("công chứng", "cong-chung", "Phòng Bổ trợ tư pháp"),
        ("lý lịch tư pháp", "ly-lich-tu-phap", "Phòng Hành chính tư pháp"),
        ("trợ giúp pháp lý", "tro-giup-phap-ly", "Trung tâm Trợ giúp pháp lý nhà nước"),
    ];

    public static async Task SeedAsync(PortalDbContext db, IReadOnlyList<Article> articles, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Slug == CategorySlug, cancellationToken);
        if (category is null)
        {
            return;
        }

        var fields = await db.RegisterTerms.Where(t => t.Kind == RegisterTermKind.Field).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var old = articles.Where(a => a.CategoryId == category.Id).OrderBy(a => a.Id).ToList();
        var converted = new List<(Article Article, Question Question)>();
        foreach (var (article, i) in old.Select((a, i) => (a, i)))
        {
            var asker = Askers[i % Askers.Length];
            var (word, fieldSlug, answeredBy) = Fields.FirstOrDefault(f => article.Title.Contains(f.Word, StringComparison.OrdinalIgnoreCase));
            var field = fields.FirstOrDefault(f => f.Slug == fieldSlug) ?? fields[0];
            var (body, answer) = Split(article.Body, article.Summary);
            var published = article.Status == ArticleStatus.Published && article.PublishedAtUtc is not null;
            var received = (article.PublishedAtUtc ?? nowUtc).AddDays(-5);
            var question = new Question
            {
                TrackingCode = TrackingCode.New(),
                Title = article.Title,
                Slug = article.Slug,
                Body = body,
                FieldId = field.Id,
                AskerName = asker.Name,
                AskerEmail = asker.Email,
                AskerPhone = asker.Phone,
                ShowFullName = asker.ShowFullName,
                ConsentedAtUtc = received,
                ReceivedAtUtc = received,
                Status = published ? QuestionStatus.Published : QuestionStatus.InProgress,
                Answer = answer,
                AnsweredByName = word is null ? null : answeredBy,
                PublicAskerName = published ? (asker.ShowFullName ? asker.Name : ContactDetails.Initials(asker.Name)) : null,
                PublishedAtUtc = published ? article.PublishedAtUtc : null,
                UpdatedAtUtc = article.PublishedAtUtc ?? nowUtc,
            };
            db.Questions.Add(question);
            converted.Add((article, question));
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var (article, question) in converted.Where(c => c.Question.Status == QuestionStatus.Published))
        {
            var target = string.Create(CultureInfo.InvariantCulture, $"{QuestionsPath}/{question.Id}/{question.Slug}");
            db.Redirects.Add(new Redirect { FromPath = Redirect.Normalize(string.Create(CultureInfo.InvariantCulture, $"/tin-tuc/{article.Id}/{article.Slug}")), ToUrl = target, CreatedAtUtc = nowUtc });
            db.Redirects.Add(new Redirect { FromPath = Redirect.Normalize(string.Create(CultureInfo.InvariantCulture, $"/tin-tuc/{article.Id}")), ToUrl = target, CreatedAtUtc = nowUtc });
        }

        db.Redirects.Add(new Redirect { FromPath = Redirect.Normalize("/chuyen-muc/" + CategorySlug), ToUrl = QuestionsPath, CreatedAtUtc = nowUtc });
        db.Redirects.Add(new Redirect { FromPath = Redirect.Normalize("/rss/" + CategorySlug), ToUrl = QuestionsPath + "/rss", CreatedAtUtc = nowUtc });
        db.Articles.RemoveRange(old);
        db.Categories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The plain-text question (the "Hỏi:" part without the reader's signature) and the HTML answer (the "Trả lời:" part).</summary>
    public static (string Question, string Answer) Split(string body, string summary)
    {
        ArgumentNullException.ThrowIfNull(body);
        var match = QuestionAndAnswer().Match(body);
        if (!match.Success)
        {
            return (summary, body);
        }

        var question = Tags().Replace(match.Groups["q"].Value, " ");
        question = Signature().Replace(System.Net.WebUtility.HtmlDecode(question), "");
        return (Spaces().Replace(question, " ").Trim(), match.Groups["a"].Value.Trim());
    }

    [GeneratedRegex(@"^\s*<strong>Hỏi:</strong>(?<q>.*?)<strong>Trả lời:</strong>(?<a>.*)$", RegexOptions.Singleline, 1000)]
    private static partial Regex QuestionAndAnswer();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tags();

    /// <summary>"(Bạn đọc Nguyễn Thị H., thị xã Hương Trà)" at the end: the asker is shown by the question's own public name.</summary>
    [GeneratedRegex(@"\(Bạn đọc[^)]*\)\s*$", RegexOptions.None, 1000)]
    private static partial Regex Signature();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex Spaces();
}
