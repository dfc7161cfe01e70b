using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DoJ.Portal.Screenshots;

/// <summary>The pictures, in the order taken; the names are stable because the README links them.</summary>
internal static class Shots
{
    /// <summary>The demo content's award article, shown as "the article" and open in the editor.</summary>
    private const string AwardArticle = "01 tập thể, 01 cá nhân";

    public static async Task TakeAllAsync(Camera camera, string email, string password)
    {
        var desk = await camera.NewPageAsync(1280, 1000);
        // The demo photos' responsive variants are made in the background after a first start.
        await WaitForAsync(desk, "/", "picture source[type='image/webp']");
        await camera.SaveAsync(desk, "home");

        await desk.Locator("a").Filter(new LocatorFilterOptions { HasText = AwardArticle }).First.ClickAsync();
        await Assertions.Expect(desk).ToHaveURLAsync(new Regex(@"/tin-tuc/\d+/"));
        await camera.SaveAsync(desk, "article");

        await SearchAsync(desk, "/tim-kiem?q=binh+dang+gioi");
        await camera.SaveAsync(desk, "search");

        await Camera.GotoAsync(desk, "/tin-theo-ngay/2021-01-22");
        await camera.SaveAsync(desk, "day-archive");

        await Camera.GotoAsync(desk, "/thu-vien-anh");
        await desk.Locator("main a[href^='/thu-vien-anh/']").First.ClickAsync();
        await Assertions.Expect(desk).ToHaveURLAsync(new Regex(@"/thu-vien-anh/\d+/"));
        await camera.SaveAsync(desk, "album");
        await desk.Locator("a[data-lightbox]").First.ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await camera.SaveAsync(desk, "album-lightbox");

        var phone = await camera.NewPageAsync(360, 740);
        await Camera.GotoAsync(phone, "/");
        await camera.SaveAsync(phone, "phone-home");
        await Camera.GotoAsync(phone, "/chuyen-muc/thi-dua-khen-thuong");
        await camera.SaveAsync(phone, "phone-category");

        var admin = await camera.NewPageAsync(1280, 1000);
        await Camera.GotoAsync(admin, "/tai-khoan/dang-nhap");
        await admin.Locator("#Email").FillAsync(email);
        await admin.Locator("#Password").FillAsync(password);
        await admin.Locator("form[action='/tai-khoan/dang-nhap'] button[type=submit]").ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new Regex("/quan-tri"));

        await Camera.GotoAsync(admin, "/quan-tri/bai-viet?tu-khoa=" + Uri.EscapeDataString(AwardArticle));
        await admin.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = AwardArticle }).First.ClickAsync();
        await Assertions.Expect(admin.Locator(".ql-editor")).ToBeVisibleAsync();
        await camera.SaveAsync(admin, "admin-editor");

        // Last, so the visits of the pages above have been counted (the counter writes every few seconds).
        await Task.Delay(TimeSpan.FromSeconds(6));
        await Camera.GotoAsync(admin, "/quan-tri");
        await camera.SaveAsync(admin, "admin-dashboard");
    }

    /// <summary>Reloads <paramref name="path"/> until <paramref name="selector"/> is on it (up to three minutes).</summary>
    private static async Task WaitForAsync(IPage page, string path, string selector)
    {
        for (var attempt = 0; attempt < 90; attempt++)
        {
            await Camera.GotoAsync(page, path);
            if (await page.Locator(selector).CountAsync() > 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        throw new ShotFailedException($"{path} never showed {selector}");
    }

    /// <summary>The index is built in the background on a first start: waits until the search highlights a match.</summary>
    private static async Task SearchAsync(IPage page, string path)
    {
        var marks = page.Locator(".search-results mark");
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await Camera.GotoAsync(page, path);
            if (await marks.CountAsync() > 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new ShotFailedException($"{path} found nothing within a minute");
    }
}
