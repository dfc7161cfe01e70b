using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using DoJ.Portal.Testing.Files;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>An editor uploads the video of a conference and publishes it; a citizen finds it in the list and plays it.</summary>
public sealed partial class VideoJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_editor_uploads_an_MP4_and_publishes_it_and_a_citizen_opens_it_from_the_video_list()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        var title = $"Hội nghị tổng kết công tác tư pháp {Guid.NewGuid().ToString("N")[..6]}";

        await using var editorContext = await browser.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, editor, PortalRoles.Editor);
        await editor.GotoAsync("/quan-tri/video/tao");
        await editor.Locator("#Title").FillAsync(title);
        await editor.Locator("#Description").FillAsync("Toàn cảnh hội nghị tổng kết năm 2026.");
        await editor.Locator("#RecordedOn").FillAsync("2026-11-20");
        await editor.Locator("#NewFile").SetInputFilesAsync(new FilePayload { Name = "hoi-nghi.mp4", MimeType = "video/mp4", Buffer = TestVideos.Mp4(20_000) });
        await editor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và xuất bản" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-state]")).ToContainTextAsync("Đã xuất bản");
        await AxeCheck.AssertNoSeriousViolationsAsync(editor, editor.Url, output);

        await using var citizenContext = await browser.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/video");
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, citizen.Url, output);
        await citizen.Locator(".video-list").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = title }).ClickAsync();
        await Assertions.Expect(citizen).ToHaveURLAsync(VideoAddress());
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(citizen.Locator("video[controls] source")).ToHaveAttributeAsync("src", new Regex(@"^/video/\d+/tep\.mp4$"));
        await Assertions.Expect(citizen.Locator(".video-detail .article-meta")).ToContainTextAsync("20/11/2026");
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, citizen.Url, output);
    }

    [GeneratedRegex(@"/video/\d+/[a-z0-9-]+$")]
    private static partial Regex VideoAddress();
}
