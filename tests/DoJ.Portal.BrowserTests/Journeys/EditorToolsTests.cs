using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using MediaEntity = DoJ.Portal.Domain.Content.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>The editor's tools of issue 20: Vietnamese toolbar and tooltips, the image library dialog, tables, the publish-time field.</summary>
public sealed partial class EditorToolsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task<IPage> EditorPageAsync(BrowserFixture browser, IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Editor);
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        await Assertions.Expect(page.Locator(".ql-editor")).ToBeVisibleAsync();
        return page;
    }

    private static Task<string> PseudoContentAsync(ILocator element, string pseudo) =>
        element.EvaluateAsync<string>("(e, p) => getComputedStyle(e, p).content", pseudo);

    [SkippableFact]
    public async Task The_toolbar_and_the_link_tooltip_speak_Vietnamese()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await EditorPageAsync(browser, context);

        foreach (var name in new[] { "In đậm", "In nghiêng", "Gạch chân", "Danh sách đánh số", "Chèn liên kết", "Chèn ảnh từ thư viện", "Xóa định dạng" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true })).ToHaveCountAsync(1);
        }

        var picker = page.Locator(".ql-toolbar .ql-header .ql-picker-label");
        Assert.Equal("\"Đoạn văn\"", await PseudoContentAsync(picker, "::before"));
        await picker.ClickAsync();
        Assert.Equal("\"Tiêu đề 2\"", await PseudoContentAsync(page.Locator(".ql-toolbar .ql-header .ql-picker-item[data-value='2']"), "::before"));
        await page.Keyboard.PressAsync("Escape");

        var editor = page.Locator(".ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.InsertTextAsync("Cổng thông tin Bộ Tư pháp");
        await page.Keyboard.PressAsync("Shift+Home");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Chèn liên kết", Exact = true }).ClickAsync();
        var tooltip = page.Locator(".ql-tooltip");
        Assert.Equal("\"Nhập liên kết:\"", await PseudoContentAsync(tooltip, "::before"));
        Assert.Equal("\"Lưu\"", await PseudoContentAsync(tooltip.Locator("a.ql-action"), "::after"));
        var box = tooltip.Locator("input[type=text]");
        await box.FillAsync("https://moj.gov.vn");
        await box.PressAsync("Enter");

        await editor.Locator("a").ClickAsync();
        await Assertions.Expect(tooltip).ToBeVisibleAsync();
        Assert.Equal("\"Mở liên kết:\"", await PseudoContentAsync(tooltip, "::before"));
        Assert.Equal("\"Sửa\"", await PseudoContentAsync(tooltip.Locator("a.ql-action"), "::after"));
        Assert.Equal("\"Gỡ liên kết\"", await PseudoContentAsync(tooltip.Locator("a.ql-remove"), "::before"));
    }

    [SkippableFact]
    public async Task Inserting_an_image_asks_for_alt_text_and_gives_a_responsive_image()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        // An image of the library whose variants were made (the files need not exist for what is checked here).
        var word = "anhthuvien" + Guid.NewGuid().ToString("N")[..6];
        await browser.Factory.WithDbAsync(async db =>
        {
            db.Media.Add(new MediaEntity
            {
                FileName = "2026/11/" + Guid.NewGuid().ToString("N") + ".jpg",
                ThumbnailFileName = "2026/11/" + Guid.NewGuid().ToString("N") + "-thumb.jpg",
                OriginalName = word + ".jpg",
                ContentType = "image/jpeg",
                Width = 1920,
                Height = 1280,
                SizeBytes = 1000,
                AltText = "",
                VariantWidths = "320,640,1280",
                UploadedAtUtc = browser.Factory.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        await using var context = await browser.NewContextAsync();
        var page = await EditorPageAsync(browser, context);
        var editor = page.Locator(".ql-editor");
        await editor.ClickAsync();
        await page.Keyboard.InsertTextAsync("Lễ trao giải.");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Chèn ảnh từ thư viện", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Chọn ảnh từ thư viện" });
        await dialog.GetByLabel("Tìm theo tên tệp hoặc mô tả ảnh").FillAsync(word);
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Tìm", Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Chọn ảnh " + word + ".jpg" }).ClickAsync();

        // No alt text: refused, nothing inserted.
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Chèn ảnh", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vui lòng nhập mô tả ảnh");
        await Assertions.Expect(editor.Locator("img")).ToHaveCountAsync(0);

        await dialog.GetByLabel("Mô tả ảnh (bắt buộc)").FillAsync("Lãnh đạo Sở trao giải cho các tập thể");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Chèn ảnh", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var image = editor.Locator("img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Lãnh đạo Sở trao giải cho các tập thể");
        await Assertions.Expect(image).ToHaveAttributeAsync("src", VariantAddress());
        await Assertions.Expect(image).ToHaveAttributeAsync("srcset", new Regex(@"-320\.jpg 320w, .*-640\.jpg 640w, .*-1280\.jpg 1280w$"));
        await Assertions.Expect(image).ToHaveAttributeAsync("sizes", new Regex("100vw"));
        await Assertions.Expect(image).ToHaveAttributeAsync("width", "1280");
        await Assertions.Expect(image).ToHaveAttributeAsync("height", "853");

        // Saved and stored with its srcset.
        await page.GetByLabel("Tiêu đề", new PageGetByLabelOptions { Exact = true }).FillAsync("Lễ trao giải " + word);
        await page.GetByLabel("Chuyên mục", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Tác giả (hiển thị cuối bài)").FillAsync("Văn phòng Sở");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sua$"));
        var body = await browser.Factory.WithDbAsync(db => db.Articles.Where(a => a.Title == "Lễ trao giải " + word).Select(a => a.Body).SingleAsync());
        Assert.Contains("srcset=\"/media/", body, StringComparison.Ordinal);
        Assert.Contains("alt=\"Lãnh đạo Sở trao giải cho các tập thể\"", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_table_with_header_cells_survives_editing()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await EditorPageAsync(browser, context);
        var title = "Danh sách khen thưởng " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Tiêu đề", new PageGetByLabelOptions { Exact = true }).FillAsync(title);
        await page.GetByLabel("Chuyên mục", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Tác giả (hiển thị cuối bài)").FillAsync("Văn phòng Sở");

        // Written in the HTML view, then back to the rich view.
        var source = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sửa dạng HTML (bảng biểu)" });
        await source.ClickAsync();
        await page.Locator("textarea#Body").FillAsync(
            "<p>Kết quả:</p><table><thead><tr><th>Họ tên</th><th>Hình thức</th></tr></thead><tbody><tr><td>Nguyễn Văn A</td><td>Bằng khen</td></tr></tbody></table><p>Hết.</p>");
        await source.ClickAsync();
        var editor = page.Locator(".ql-editor");
        await Assertions.Expect(editor.Locator("table thead th")).ToHaveCountAsync(2);

        // Some typing elsewhere, a save, and again after reloading the form.
        await editor.Locator("p").First.ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.InsertTextAsync(" (năm 2026)");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sua$"));
        await Assertions.Expect(editor.Locator("table thead th")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu bài viết.");

        var body = await browser.Factory.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.Body).SingleAsync());
        Assert.Contains("<thead><tr><th>Họ tên</th><th>Hình thức</th></tr></thead>", body, StringComparison.Ordinal);
        Assert.Contains("<td>Nguyễn Văn A</td>", body, StringComparison.Ordinal);
        Assert.Contains("Kết quả: (năm 2026)", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_publish_time_shows_day_month_year_in_an_English_browser_too()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en-US" });
        var page = await EditorPageAsync(browser, context);
        var field = page.GetByLabel("Thời điểm xuất bản (giờ Việt Nam, để trống là ngay khi xuất bản)");
        await Assertions.Expect(field).ToHaveAttributeAsync("type", "text");
        await Assertions.Expect(field).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy hh:mm");

        await page.GetByLabel("Tiêu đề", new PageGetByLabelOptions { Exact = true }).FillAsync("Thông báo hẹn giờ " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("Chuyên mục", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Tác giả (hiển thị cuối bài)").FillAsync("Văn phòng Sở");
        await field.FillAsync("22/01/2027 09:00");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sua$"));
        await Assertions.Expect(field).ToHaveValueAsync("22/01/2027 09:00");
    }

    [GeneratedRegex(@"^/media/2026/11/[0-9a-f]{32}-640\.jpg$")]
    private static partial Regex VariantAddress();
}
