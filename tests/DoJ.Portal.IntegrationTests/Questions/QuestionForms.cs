using Microsoft.AspNetCore.Mvc.Testing;
using System.Globalization;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Citizens;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Questions;

/// <summary>A citizen at one address filling in the question form as a browser does (cookies, the form's own tokens).</summary>
public sealed class Citizen(PortalWebApplicationFactory factory, string address)
{
    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    public static Citizen At(PortalWebApplicationFactory factory) =>
        new(factory, $"203.0.{RandomNumber(1, 250)}.{RandomNumber(1, 250)}");

    private static int RandomNumber(int from, int to) => System.Security.Cryptography.RandomNumberGenerator.GetInt32(from, to);

    /// <summary>The form's fields as served, with a valid question filled in.</summary>
    public async Task<Dictionary<string, string>> OpenFormAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, SiteUrls.AskQuestion);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        var field = page.QuerySelectorAll("#FieldId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            [CitizenFormGuard.TokenField] = page.QuerySelector($"input[name={CitizenFormGuard.TokenField}]")!.GetAttribute("value")!,
            [CitizenFormGuard.HoneypotField] = "",
            ["Name"] = "Nguyễn Văn An",
            ["Email"] = "nguyenvanan@example.vn",
            ["Phone"] = "",
            ["FieldId"] = field,
            ["Title"] = "Thủ tục đăng ký kết hôn với người nước ngoài",
            ["Body"] = "Tôi muốn đăng ký kết hôn với người nước ngoài thì cần chuẩn bị hồ sơ gì và nộp ở đâu?",
            ["Consent"] = "true",
        };
    }

    /// <summary>Waits past the "too fast" limit on the portal's clock, then sends.</summary>
    public async Task<HttpResponseMessage> SendAsync(Dictionary<string, string> fields, bool wait = true)
    {
        if (wait)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        return await SendAsync(HttpMethod.Post, SiteUrls.AskQuestion, new FormUrlEncodedContent(fields));
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation(DoJ.Portal.Testing.Web.TestClientAddress.Header, address);
        return await Client.SendAsync(request);
    }
}

/// <summary>Questions written straight to the database (as moderation would leave them), with the caches and the index brought up to date.</summary>
public static class TestQuestions
{
    public static async Task<Question> AddAsync(PortalWebApplicationFactory factory, string title, QuestionStatus status, string fieldSlug = "ho-tich",
        DateTime? publishedAtUtc = null, string? name = "Trần Thị Bình", string? email = "tranthibinh@example.vn", string? phone = "0912345678", string? answer = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var question = await factory.WithDbAsync(async db =>
        {
            var field = await db.RegisterTerms.SingleAsync(t => t.Kind == RegisterTermKind.Field && t.Slug == fieldSlug);
            var q = new Question
            {
                TrackingCode = TrackingCode.New(),
                Title = title,
                Slug = DoJ.Portal.Domain.Text.Slug.From(title, Question.SlugMaxLength),
                Body = "Nội dung câu hỏi: " + title,
                FieldId = field.Id,
                AskerName = name,
                AskerEmail = email,
                AskerPhone = phone,
                PublicAskerName = status == QuestionStatus.Published ? ContactDetails.Initials(name) : null,
                ConsentedAtUtc = now.AddDays(-3),
                ReceivedAtUtc = now.AddDays(-3),
                UpdatedAtUtc = now,
                Status = status,
                Answer = status == QuestionStatus.Published ? answer ?? "<p>Trả lời: theo quy định của pháp luật hiện hành.</p>" : null,
                PublishedAtUtc = status == QuestionStatus.Published ? publishedAtUtc ?? now.AddMinutes(-1) : null,
            };
            db.Questions.Add(q);
            await db.SaveChangesAsync();
            return q;
        });
        await ChangedAsync(factory, question.Id);
        return question;
    }

    /// <summary>What moderation does after a save: the index entry and the cached pages.</summary>
    public static async Task ChangedAsync(PortalWebApplicationFactory factory, int id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var index = factory.Services.GetRequiredService<SearchIndex>();
        await index.WhenReady;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await index.UpdateAsync(scope.ServiceProvider.GetRequiredService<SearchContentRepository>(), ContentKind.Question, id);
        }

        await factory.Services.GetRequiredService<PublicCache>().QuestionsChangedAsync();
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
