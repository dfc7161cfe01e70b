using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>An editor writes an article in the rich-text editor and publishes it.</summary>
public sealed partial class EditorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_editor_writes_an_article_in_the_rich_text_editor_and_citizens_read_it_with_normal_spaces()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        var (email, password) = await StaffSession.CreateUserAsync(browser.Factory, PortalRoles.Editor);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Sign in through the form.
        await page.GotoAsync("/tai-khoan/dang-nhap");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("form[action='/tai-khoan/dang-nhap'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/tai-khoan/dang-nhap"));

        // Write the article.
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        var title = "Hội nghị tập huấn pháp luật cho cán bộ tư pháp " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#Title").FillAsync(title);
        await page.Locator("#Summary").FillAsync("Tóm tắt bài viết thử nghiệm trên trình duyệt.");
        await page.Locator("#CategoryId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Author").FillAsync("Phòng Phổ biến giáo dục pháp luật");

        var editor = page.Locator(".ql-editor");
        await editor.ClickAsync();
        // A heading from the toolbar's header picker.
        await page.Locator(".ql-toolbar .ql-header .ql-picker-label").ClickAsync();
        await page.Locator(".ql-toolbar .ql-header .ql-picker-item[data-value='2']").ClickAsync();
        await page.Keyboard.TypeAsync("Nội dung chính của hội nghị");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Sáng nay, Sở Tư pháp tổ chức hội nghị tập huấn cho cán bộ tư pháp cấp xã.");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Các đại biểu đã trao đổi nhiều vấn đề thực tiễn của địa phương.");
        await page.Keyboard.PressAsync("Enter");
        // "- " at the start of a line becomes a bullet list in Quill.
        await page.Keyboard.TypeAsync("- Hòa giải ở cơ sở");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Chứng thực bản sao");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        // A link on the last line, through the toolbar's link button.
        await page.Keyboard.TypeAsync("Cổng thông tin Bộ Tư pháp");
        await page.Keyboard.PressAsync("Shift+Home");
        await page.Locator(".ql-toolbar button.ql-link").ClickAsync();
        var linkBox = page.Locator(".ql-tooltip.ql-editing input[type=text]");
        await linkBox.FillAsync("https://moj.gov.vn");
        await linkBox.PressAsync("Enter");

        await Assertions.Expect(editor.Locator("h2")).ToHaveTextAsync("Nội dung chính của hội nghị");
        await Assertions.Expect(editor.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(editor.Locator("a[href='https://moj.gov.vn']")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và xuất bản" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/quan-tri/bai-viet/tao$"));

        // Citizens find it on the home page and read it.
        await page.GotoAsync("/");
        var link = page.Locator("a").Filter(new LocatorFilterOptions { HasText = title }).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("the title has no link");
        Assert.Matches(ArticleAddress(), href);

        var response = await page.GotoAsync(href) ?? throw new InvalidOperationException("no response");
        Assert.True(response.Ok, $"{href} answered {response.Status}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        var body = page.Locator(".article-body");
        await Assertions.Expect(body.Locator("h2")).ToHaveTextAsync("Nội dung chính của hội nghị");
        await Assertions.Expect(body).ToContainTextAsync("Sáng nay, Sở Tư pháp tổ chức hội nghị tập huấn cho cán bộ tư pháp cấp xã.");
        await Assertions.Expect(body).ToContainTextAsync("Các đại biểu đã trao đổi nhiều vấn đề thực tiễn của địa phương.");
        await Assertions.Expect(body.Locator("ul li")).ToHaveCountAsync(2);
        await Assertions.Expect(body.Locator("a[href='https://moj.gov.vn']")).ToHaveTextAsync("Cổng thông tin Bộ Tư pháp");

        // As served: the body's spaces are plain spaces, never &nbsp; (which would stop lines wrapping).
        var served = await response.TextAsync();
        var start = served.IndexOf("<div class=\"article-body\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the served page has no article body");
        var end = served.IndexOf("<p class=\"article-byline\">", start, StringComparison.Ordinal);
        var storedBody = served[start..end];
        Assert.Contains("Sáng nay, Sở Tư pháp tổ chức", storedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("&nbsp;", storedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xA0;", storedBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u00A0", storedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("&nbsp;", await body.InnerHTMLAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^/tin-tuc/\d+/[a-z0-9-]+$")]
    private static partial Regex ArticleAddress();
}
