using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using DoJ.Portal.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>Editors and contributors write in the rich-text editor, review, publish, and collide on the same article.</summary>
public sealed partial class EditorJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_editor_writes_an_article_in_the_rich_text_editor_and_citizens_read_it_with_normal_spaces()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Editor);

        // Write the article.
        await page.GotoAsync("/quan-tri/bai-viet/tao");
        var title = "Hội nghị tập huấn pháp luật cho cán bộ tư pháp " + Guid.NewGuid().ToString("N")[..6];
        await FillDetailsAsync(page, title, new SelectOptionValue { Index = 1 });
        await WriteBodyAsync(page);

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

    [SkippableFact]
    public async Task A_contributor_submits_an_article_with_an_uploaded_image_an_editor_publishes_it_and_citizens_find_it_everywhere()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        // Publishing indexes the article in the same request once the index is built: wait for that, not for time.
        await browser.Factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        // A made-up word of letters only, so that search finds this article and no other.
        var word = new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        var title = $"Tập huấn nghiệp vụ hộ tịch cho công chức tư pháp cấp xã {word}";

        // A contributor writes it, with an image uploaded through the editor's image button, and sends it for review.
        await using var contributorContext = await browser.NewContextAsync();
        var writer = await contributorContext.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, writer, PortalRoles.Contributor);
        await writer.GotoAsync("/quan-tri/bai-viet/tao");
        await FillDetailsAsync(writer, title, new SelectOptionValue { Label = "Tin hoạt động" });
        var editor = await WriteBodyAsync(writer);
        await writer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Chèn ảnh từ thư viện", Exact = true }).ClickAsync();
        var dialog = writer.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Chọn ảnh từ thư viện" });
        await dialog.GetByLabel("Hoặc tải ảnh mới lên").SetInputFilesAsync(new FilePayload { Name = "tap-huan-ho-tich.png", MimeType = "image/png", Buffer = new ImageBuilder().Sized(320, 200).Png() });
        await dialog.GetByLabel("Mô tả ảnh (bắt buộc)").FillAsync("Lớp tập huấn hộ tịch");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Chèn ảnh" }).ClickAsync();
        await Assertions.Expect(editor.Locator("img")).ToHaveAttributeAsync("src", MediaAddress());
        await Assertions.Expect(editor.Locator("img")).ToHaveAttributeAsync("alt", "Lớp tập huấn hộ tịch");

        await Assertions.Expect(writer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và xuất bản" })).ToHaveCountAsync(0);
        await writer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và gửi duyệt" }).ClickAsync();
        await Assertions.Expect(writer).ToHaveURLAsync(EditAddress());
        await Assertions.Expect(writer.Locator("[data-state]")).ToHaveTextAsync("Trạng thái: Chờ duyệt");
        var id = EditAddress().Match(writer.Url).Groups["id"].Value;

        // Not public yet.
        await using var citizenContext = await browser.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        var early = await citizen.GotoAsync($"/tin-tuc/{id}") ?? throw new InvalidOperationException("no response");
        Assert.Equal(404, early.Status);

        // An editor finds it among the articles waiting for review and publishes it.
        await using var editorContext = await browser.NewContextAsync();
        var publisher = await editorContext.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, publisher, PortalRoles.Editor);
        await publisher.GotoAsync("/quan-tri/bai-viet?trang-thai=Submitted");
        await publisher.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title }).ClickAsync();
        await Assertions.Expect(publisher.Locator("[data-state]")).ToHaveTextAsync("Trạng thái: Chờ duyệt");
        await Assertions.Expect(publisher.Locator(".ql-editor img")).ToHaveAttributeAsync("src", MediaAddress());
        await publisher.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và xuất bản" }).ClickAsync();
        await Assertions.Expect(publisher.Locator("[data-state]")).ToHaveTextAsync("Trạng thái: Đã xuất bản");

        // Citizens: the home page, its category, the day archive of today (Vietnam time), search (the index is
        // updated right after publishing, so it is polled briefly) and the RSS feed.
        var titleLink = citizen.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title });
        await citizen.GotoAsync("/");
        await Assertions.Expect(titleLink.First).ToBeVisibleAsync();
        var day = browser.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await citizen.GotoAsync($"/tin-theo-ngay/{day}");
        await Assertions.Expect(titleLink.First).ToBeVisibleAsync();

        var found = citizen.Locator(".search-results .article-title").Filter(new LocatorFilterOptions { HasText = word });
        await citizen.GotoAsync($"/tim-kiem?q=ho+tich+{word}");
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await Assertions.Expect(found.Locator("mark").Filter(new LocatorFilterOptions { HasText = word })).ToHaveCountAsync(1);

        var feed = await citizenContext.APIRequest.GetAsync("/rss");
        Assert.True(feed.Ok, $"/rss answered {feed.Status}");
        Assert.Contains($"<title>{title}</title>", await feed.TextAsync(), StringComparison.Ordinal);

        await citizen.GotoAsync("/chuyen-muc/tin-hoat-dong");
        await citizen.Locator(".article-list").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = title }).First.ClickAsync();
        await Assertions.Expect(citizen).ToHaveURLAsync(new Regex($"/tin-tuc/{id}/[a-z0-9-]+$"));
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync(title);
        var body = citizen.Locator(".article-body");
        await Assertions.Expect(body.Locator("h2")).ToHaveTextAsync("Nội dung chính của hội nghị");
        await Assertions.Expect(body.Locator("ul li")).ToHaveCountAsync(2);
        await Assertions.Expect(body.Locator("a[href='https://moj.gov.vn']")).ToHaveCountAsync(1);
        var image = body.Locator("img");
        await Assertions.Expect(image).ToHaveAttributeAsync("src", MediaAddress());
        // The image really loaded: the browser decoded it (a broken image has no natural width).
        await citizen.WaitForFunctionAsync("() => { const i = document.querySelector('.article-body img'); return i && i.complete && i.naturalWidth > 0; }");
        // The 320-pixel variant of the upload was chosen from the srcset (naturalWidth is scaled by the srcset's
        // density, so the file name says which was loaded).
        Assert.Matches(@"/media/\d{4}/\d{2}/[0-9a-f]{32}-320\.(jpg|webp)$", await image.EvaluateAsync<string>("i => i.currentSrc"));
    }

    [SkippableFact]
    public async Task Two_editors_save_the_same_article_and_the_second_is_refused_with_what_changed()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var citizenContext = await browser.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/chuyen-muc/thong-bao");
        var href = await citizen.Locator(".article-list .article-title a").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("Thông báo lists no article");
        var id = ArticleAddress().Match(href).Groups["id"].Value;

        // Both open the edit form before either saves.
        var pages = new List<IPage>();
        await using var firstContext = await browser.NewContextAsync();
        await using var secondContext = await browser.NewContextAsync();
        foreach (var context in new[] { firstContext, secondContext })
        {
            var page = await context.NewPageAsync();
            await BrowserStaff.SignInAsNewAsync(browser, page, PortalRoles.Editor);
            await page.GotoAsync($"/quan-tri/bai-viet/{id}/sua");
            await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "Nội dung" })).ToBeVisibleAsync();
            pages.Add(page);
        }

        var (first, second) = (pages[0], pages[1]);
        const string FirstTitle = "Thông báo lịch tiếp công dân tháng 12 (bản của người thứ nhất)";
        const string SecondTitle = "Thông báo lịch tiếp công dân tháng 12 (bản của người thứ hai)";
        await first.GetByLabel("Tiêu đề", new PageGetByLabelOptions { Exact = true }).FillAsync(FirstTitle);
        await second.GetByLabel("Tiêu đề", new PageGetByLabelOptions { Exact = true }).FillAsync(SecondTitle);

        await first.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu bài viết.");

        // The second save is refused: the message, who saved, what differs; the second person's text stays in the form.
        await second.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        var conflict = second.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "Bài viết vừa được người khác lưu" });
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict).ToContainTextAsync("chưa được lưu");
        var titleRow = conflict.Locator("tbody tr").Filter(new LocatorFilterOptions { Has = second.GetByRole(AriaRole.Rowheader, new PageGetByRoleOptions { Name = "Tiêu đề" }) });
        await Assertions.Expect(titleRow.Locator(".diff-theirs")).ToHaveTextAsync(FirstTitle);
        await Assertions.Expect(titleRow.Locator(".diff-yours")).ToHaveTextAsync(SecondTitle);
        await Assertions.Expect(second.GetByLabel("Tiêu đề", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync(SecondTitle);
        await AxeCheck.AssertNoSeriousViolationsAsync(second, "the article edit form with a refused save", output);

        // The public page shows the first person's title.
        await citizen.GotoAsync($"/tin-tuc/{id}");
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync(FirstTitle);
    }

    /// <summary>Title, summary, category and author of the article form.</summary>
    private static async Task FillDetailsAsync(IPage page, string title, SelectOptionValue category)
    {
        await page.GetByLabel("Tiêu đề", new PageGetByLabelOptions { Exact = true }).FillAsync(title);
        await page.GetByLabel("Tóm tắt", new PageGetByLabelOptions { Exact = true }).FillAsync("Tóm tắt bài viết thử nghiệm trên trình duyệt.");
        await page.GetByLabel("Chuyên mục", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(category);
        await page.GetByLabel("Tác giả (hiển thị cuối bài)").FillAsync("Phòng Phổ biến giáo dục pháp luật");
    }

    /// <summary>Writes a heading, two paragraphs, a bullet list and a link in Quill; returns the editable area.</summary>
    private static async Task<ILocator> WriteBodyAsync(IPage page)
    {
        var editor = page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "Nội dung" });
        await editor.ClickAsync();
        // A heading from the toolbar's header picker.
        await page.Locator(".ql-toolbar .ql-header .ql-picker-label").ClickAsync();
        await page.Locator(".ql-toolbar .ql-header .ql-picker-item[data-value='2']").ClickAsync();
        await page.Keyboard.InsertTextAsync("Nội dung chính của hội nghị");
        await page.Keyboard.PressAsync("Enter");
        // Typed key by key, as a person types (a browser may put no-break spaces in the DOM while typing);
        // the other sentences are inserted whole, which is quicker.
        await page.Keyboard.TypeAsync("Sáng nay, Sở Tư pháp tổ chức hội nghị tập huấn cho cán bộ tư pháp cấp xã.");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync("Các đại biểu đã trao đổi nhiều vấn đề thực tiễn của địa phương.");
        await page.Keyboard.PressAsync("Enter");
        // "- " typed at the start of a line becomes a bullet list in Quill.
        await page.Keyboard.TypeAsync("- ");
        await page.Keyboard.InsertTextAsync("Hòa giải ở cơ sở");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.InsertTextAsync("Chứng thực bản sao");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        // A link on the last line, through the toolbar's link button.
        await page.Keyboard.InsertTextAsync("Cổng thông tin Bộ Tư pháp");
        await page.Keyboard.PressAsync("Shift+Home");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Chèn liên kết", Exact = true }).ClickAsync();
        var linkBox = page.Locator(".ql-tooltip.ql-editing input[type=text]");
        await linkBox.FillAsync("https://moj.gov.vn");
        await linkBox.PressAsync("Enter");

        await Assertions.Expect(editor.Locator("h2")).ToHaveTextAsync("Nội dung chính của hội nghị");
        await Assertions.Expect(editor.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(editor.Locator("a[href='https://moj.gov.vn']")).ToHaveCountAsync(1);
        return editor;
    }

    [GeneratedRegex(@"/quan-tri/bai-viet/(?<id>\d+)/sua$")]
    private static partial Regex EditAddress();

    [GeneratedRegex(@"^/media/\d{4}/\d{2}/[^/]+$")]
    private static partial Regex MediaAddress();

    [GeneratedRegex(@"^/tin-tuc/(?<id>\d+)/[a-z0-9-]+$")]
    private static partial Regex ArticleAddress();
}
