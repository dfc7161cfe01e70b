using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>
/// A citizen's question from the form to its published answer (docs/questions.md): the citizen asks and follows
/// it with the tracking code, an editor answers it in the rich editor and publishes it, and the citizen reads the
/// answer under the initials of their name; axe on every public page of the way.
/// </summary>
public sealed partial class QuestionJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task A_citizen_asks_an_editor_answers_and_the_citizen_reads_the_answer_found_by_its_tracking_code()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        var word = new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        var title = $"Thủ tục đăng ký khai sinh cho con sinh ở nước ngoài {word}";
        const string asker = "Trần Thị Mỹ Duyên";

        // The citizen asks.
        await using var citizenContext = await browser.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        var form = await citizen.GotoAsync("/hoi-dap/dat-cau-hoi") ?? throw new InvalidOperationException("no response");
        Assert.True(form.Ok, $"the form answered {form.Status}");
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, "/hoi-dap/dat-cau-hoi", output);
        await citizen.Locator("#Name").FillAsync(asker);
        await citizen.Locator("#Email").FillAsync($"duyen.{word}@example.invalid");
        await citizen.Locator("#FieldId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await citizen.Locator("#Title").FillAsync(title);
        await citizen.Locator("#Body").FillAsync("Con tôi sinh ở Nhật Bản, nay về Việt Nam sinh sống. Tôi cần giấy tờ gì để đăng ký khai sinh cho cháu?");
        await citizen.Locator("#Consent").CheckAsync();
        // A person takes longer than the form's minimum time to fill it in.
        browser.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await citizen.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Gửi câu hỏi" }).ClickAsync();

        await Assertions.Expect(citizen).ToHaveURLAsync(new Regex("/hoi-dap/dat-cau-hoi/da-gui$"));
        var code = (await citizen.Locator("[data-tracking-code]").InnerTextAsync()).Trim();
        Assert.Matches(TrackingCodePattern(), code);
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, "/hoi-dap/dat-cau-hoi/da-gui", output);

        await citizen.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Tra cứu tình trạng câu hỏi" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("[data-status]")).ToContainTextAsync("Đã tiếp nhận");
        await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync(asker);
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, "/hoi-dap/tra-cuu", output);

        // An editor finds it in the queue, answers in the rich editor and publishes.
        await using var editorContext = await browser.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, editor, PortalRoles.Editor);
        await editor.GotoAsync("/quan-tri/hoi-dap");
        await editor.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title }).ClickAsync();
        await Assertions.Expect(editor.Locator("main")).ToContainTextAsync(asker);
        var answer = editor.Locator("#form-tra-loi .ql-editor");
        await answer.ClickAsync();
        await editor.Keyboard.InsertTextAsync("Chào bạn, bạn chuẩn bị tờ khai đăng ký khai sinh và giấy chứng sinh do cơ sở y tế nước ngoài cấp, đã được hợp pháp hóa lãnh sự.");
        await editor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và xuất bản" }).ClickAsync();
        await Assertions.Expect(editor.Locator("main")).ToContainTextAsync("Đã xuất bản lúc");

        // The citizen follows the code to the published answer, shown under initials only.
        await citizen.GotoAsync("/hoi-dap/tra-cuu?ma=" + Uri.EscapeDataString(code.ToLowerInvariant()));
        await Assertions.Expect(citizen.Locator("[data-status]")).ToContainTextAsync("Đã trả lời");
        await citizen.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "xem câu trả lời" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("hợp pháp hóa lãnh sự");
        await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync(asker);
        await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync("@example.invalid");
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, "a question's page", output);

        // And in the list of answers.
        await citizen.GotoAsync("/hoi-dap");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title })).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, "/hoi-dap", output);
    }

    [GeneratedRegex("^[A-Z0-9]{10}$")]
    private static partial Regex TrackingCodePattern();
}
