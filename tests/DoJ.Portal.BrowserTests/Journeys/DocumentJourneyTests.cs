using System.Text.RegularExpressions;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Search;
using DoJ.Portal.Search.Extraction;
using DoJ.Portal.Testing.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>An editor attaches the decision to the award report and files it in the register; a citizen finds it by words inside the file.</summary>
public sealed partial class DocumentJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_editor_attaches_a_pdf_to_the_award_report_and_files_it_in_the_register_and_a_citizen_finds_it_by_a_phrase_inside_the_file_and_downloads_it()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await browser.Factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        var report = await browser.Factory.WithDbAsync(db => db.Articles.Where(a => a.Title.StartsWith("01 tập thể, 01 cá nhân"))
            .Select(a => new { a.Id, a.Slug, a.Title }).SingleAsync());
        // Letters only, so that the phrase is one the index can match and no other file holds.
        var word = new string(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26))).ToArray());
        var phrase = $"tuyen duong dien hinh {word}";
        var pdf = TestFiles.Pdf($"Chu tich UBND tinh tang Bang khen. Danh sach {phrase} kem theo Quyet dinh.");
        var number = $"{Random.Shared.Next(100, 999)}/QĐ-UBND";

        await using var editorContext = await browser.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, editor, PortalRoles.Editor);

        // The decision attached to the award report.
        await editor.GotoAsync($"/quan-tri/bai-viet/{report.Id}/sua");
        await editor.Locator("#tai-lieu-dinh-kem input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "Quyết định khen thưởng.pdf", MimeType = "application/pdf", Buffer = pdf });
        await editor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.Locator("#tai-lieu-dinh-kem tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(editor.Locator("#tai-lieu-dinh-kem input[name$='.DisplayName']")).ToHaveValueAsync("Quyết định khen thưởng");

        // The same decision filed in the register, linked to the report, published.
        await editor.GotoAsync("/quan-tri/van-ban/tao");
        await editor.Locator("#Number").FillAsync(number);
        await editor.Locator("#Abstract").FillAsync("Về việc tặng Bằng khen cho tập thể và cá nhân có thành tích trong thực hiện Chiến lược quốc gia về bình đẳng giới");
        await editor.Locator("#Signer").FillAsync("Phan Ngọc Thọ");
        await editor.Locator("#IssuedOn").FillAsync("2021-01-15");
        foreach (var list in new[] { "DocumentTypeId", "IssuingBodyId", "FieldId" })
        {
            await editor.Locator($"select#{list}").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        }

        await editor.Locator("#RelatedArticleIds").FillAsync(report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await editor.Locator("#tai-lieu-dinh-kem input[type=file]").SetInputFilesAsync(
            new FilePayload { Name = "Quyết định khen thưởng.pdf", MimeType = "application/pdf", Buffer = pdf });
        await editor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và xuất bản" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-state]")).ToContainTextAsync("Đã xuất bản");

        // The text inside the file is read in the background (its clock moves here; nothing is timed).
        var interval = browser.Factory.Services.GetRequiredService<IOptions<FileTextOptions>>().Value.PollInterval;
        for (var attempt = 0; attempt < 300 && await browser.Factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.TextState == FileTextState.Pending)); attempt++)
        {
            browser.Factory.Clock.Advance(interval);
            await Task.Delay(50);
        }

        // A citizen searches the register by words that exist only inside the file.
        await using var citizenContext = await browser.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/van-ban");
        await citizen.GetByLabel("Số/Ký hiệu hoặc từ khóa").FillAsync(phrase);
        await citizen.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Tra cứu" }).ClickAsync();
        var rows = citizen.Locator("table.document-register tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await rows.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = number }).ClickAsync();
        await Assertions.Expect(citizen).ToHaveURLAsync(DocumentAddress());
        await Assertions.Expect(citizen.Locator("h1")).ToContainTextAsync(number);
        await Assertions.Expect(citizen.Locator(".related-articles a")).ToHaveTextAsync(report.Title);
        await Assertions.Expect(citizen.Locator("iframe.document-preview-frame")).ToHaveAttributeAsync("src", new Regex(@"^/tai-lieu/\d+/.+\?xem=1$"));
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, citizen.Url, output);

        // The download keeps the Vietnamese name and the bytes.
        var download = await citizen.RunAndWaitForDownloadAsync(() =>
            citizen.Locator(".document-files a").Filter(new LocatorFilterOptions { HasText = "Quyết định khen thưởng" }).First.ClickAsync());
        Assert.Equal("Quyết định khen thưởng.pdf", download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(pdf, await File.ReadAllBytesAsync(saved));

        // The award report lists the decision under its body and the document among its related documents.
        await citizen.GotoAsync($"/tin-tuc/{report.Id}/{report.Slug}");
        await Assertions.Expect(citizen.Locator("section.attachments li.attachment a")).ToHaveTextAsync("Quyết định khen thưởng");
        await Assertions.Expect(citizen.Locator("section.related-documents")).ToContainTextAsync(number);
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, citizen.Url, output);
    }

    [GeneratedRegex(@"/van-ban/\d+/[a-z0-9-]+$")]
    private static partial Regex DocumentAddress();
}
