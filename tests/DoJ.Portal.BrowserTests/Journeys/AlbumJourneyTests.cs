using System.Globalization;
using DoJ.Portal.BrowserTests.Infrastructure;
using DoJ.Portal.Domain;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Journeys;

/// <summary>An editor drops several photos into a new album (one file is refused), describes them and publishes; a citizen browses it with the keyboard.</summary>
public sealed class AlbumJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task An_editor_uploads_many_photos_at_once_and_a_citizen_opens_them_in_the_lightbox_by_keyboard()
    {
        Skip.IfNot(BrowserFixture.ChromiumIsInstalled, BrowserFixture.ChromiumMissing);
        await using var editorContext = await browser.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await BrowserStaff.SignInAsNewAsync(browser, editor, PortalRoles.Editor);

        await editor.GotoAsync("/quan-tri/album-anh/tao");
        await editor.Locator("#Title").FillAsync("Hội nghị triển khai công tác tư pháp năm 2027");
        await editor.Locator("#TakenOn").FillAsync("15/01/2027");
        var colours = new[] { SKColors.SteelBlue, SKColors.IndianRed, SKColors.SeaGreen };
        var files = colours.Select((c, i) => new FilePayload
        {
            Name = $"anh-{i + 1}.png", MimeType = "image/png", Buffer = new ImageBuilder().Sized(800, 600).OnBackground(c).Png(),
        }).Append(new FilePayload { Name = "khong-phai-anh.jpg", MimeType = "image/jpeg", Buffer = "<?php echo 1; ?>"u8.ToArray() });
        await editor.Locator("#NewPhotos").SetInputFilesAsync(files);

        // Each file is uploaded on its own: the three images become rows, the other one says why it was refused.
        await Assertions.Expect(editor.Locator("#album-photo-rows [data-row]")).ToHaveCountAsync(3);
        await Assertions.Expect(editor.Locator("[data-upload-list] [data-refused]")).ToHaveCountAsync(1);
        await Assertions.Expect(editor.Locator("[data-upload-list] [data-refused]")).ToContainTextAsync("khong-phai-anh.jpg");
        for (var i = 0; i < 3; i++)
        {
            await editor.Locator($"#Photos_{i}__AltText").FillAsync($"Đại biểu dự hội nghị, ảnh {i + 1}");
            await editor.Locator($"#Photos_{i}__Caption").FillAsync($"Quang cảnh hội nghị {i + 1}");
        }

        // The third photo moved up, in place, by its button.
        await editor.Locator("#anh-2 [data-move=up]").ClickAsync();
        await Assertions.Expect(editor.Locator("#Photos_1__Caption")).ToHaveValueAsync("Quang cảnh hội nghị 3");
        await editor.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và xuất bản" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-state]")).ToContainTextAsync("Đã xuất bản");
        var id = int.Parse(editor.Url.Split('/')[^2], CultureInfo.InvariantCulture);

        await using var citizenContext = await browser.NewContextAsync();
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync($"/thu-vien-anh/{id}");
        var links = citizen.Locator("[data-lightbox-group] a[data-lightbox]");
        await Assertions.Expect(links).ToHaveCountAsync(3);
        await Assertions.Expect(citizen.Locator("figcaption").Nth(1)).ToHaveTextAsync("Quang cảnh hội nghị 3");
        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, citizen.Url, output);

        // Opened from the first thumbnail by keyboard; → goes to the next photo; Tab stays inside; Escape closes and focus comes back.
        await links.First.FocusAsync();
        await citizen.Keyboard.PressAsync("Enter");
        var dialog = citizen.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "Trình xem ảnh" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator(".lightbox-counter")).ToHaveTextAsync("Ảnh 1/3");
        await Assertions.Expect(dialog.Locator("img")).ToHaveAttributeAsync("alt", "Đại biểu dự hội nghị, ảnh 1");
        await citizen.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(dialog.Locator(".lightbox-counter")).ToHaveTextAsync("Ảnh 2/3");
        await Assertions.Expect(dialog.Locator("figcaption")).ToHaveTextAsync("Quang cảnh hội nghị 3");
        for (var i = 0; i < 5; i++)
        {
            await citizen.Keyboard.PressAsync("Tab");
            Assert.True(await citizen.EvaluateAsync<bool>("() => document.querySelector('.lightbox').contains(document.activeElement)"), "Focus left the lightbox");
        }

        await AxeCheck.AssertNoSeriousViolationsAsync(citizen, citizen.Url + " (lightbox open)", output);
        await citizen.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.True(await citizen.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('[data-lightbox-group] a[data-lightbox]')"),
            "Focus did not return to the thumbnail");
    }
}
