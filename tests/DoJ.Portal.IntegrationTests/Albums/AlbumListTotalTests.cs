using System.Globalization;
using System.Net;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Gallery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Albums;

/// <summary>
/// The album list's total is kept between requests (<see cref="AlbumTotals"/>); its pager must still count exactly what
/// is public, whatever an editor does and when a scheduled album comes due. A class of its own: a fresh portal.
/// </summary>
public sealed class AlbumListTotalTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The total the list page's pager is given.</summary>
    private async Task<long> ListedAsync()
    {
        using var scope = factory.Services.CreateScope();
        var list = await scope.ServiceProvider.GetRequiredService<AlbumRepository>().ListPublicAsync(1, 12, Now);
        return list.TotalCount;
    }

    private Task<long> CountedAsync()
    {
        var now = Now;
        return factory.WithDbAsync(db => db.Albums.LongCountAsync(Album.IsPublicAt(now)));
    }

    private static async Task PostAsync(StaffSession editor, int id, string action)
    {
        var edit = $"/quan-tri/album-anh/{id.ToString(CultureInfo.InvariantCulture)}/sua";
        using var response = await editor.PostFormAsync(edit, $"/quan-tri/album-anh/{id.ToString(CultureInfo.InvariantCulture)}/{action}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_kept_total_follows_publishing_the_bin_and_a_scheduled_album_coming_due()
    {
        var before = await ListedAsync();
        Assert.Equal(await CountedAsync(), before);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        var album = await factory.AddAlbumAsync("Album tổng số trang", ArticleStatus.Draft, photos: 2);
        Assert.Equal(before, await ListedAsync());
        await PostAsync(editor, album.Id, "xuat-ban");
        Assert.Equal(before + 1, await ListedAsync());
        await PostAsync(editor, album.Id, "xoa");
        Assert.Equal(before, await ListedAsync());
        await PostAsync(editor, album.Id, "khoi-phuc");
        Assert.Equal(before + 1, await ListedAsync());
        await PostAsync(editor, album.Id, "go-xuong");
        Assert.Equal(before, await ListedAsync());

        // Due in 10 seconds: nothing is saved when it comes, and the total is kept for longer than that. A count kept
        // apart from the portal's, which the scheduled-publish watcher also tells when the time comes.
        var own = new AlbumTotals();
        Task<long> OwnAsync() => factory.WithDbAsync(async db => (await new AlbumRepository(db, own).ListPublicAsync(1, 12, Now)).TotalCount);
        await factory.AddAlbumAsync("Album hẹn giờ tổng số", ArticleStatus.Published, Now.AddSeconds(10));
        Assert.Equal(before, await OwnAsync());
        Assert.Equal(before, await ListedAsync());
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(before + 1, await OwnAsync());
        Assert.Equal(before + 1, await ListedAsync());
        Assert.Equal(await CountedAsync(), await ListedAsync());
    }
}
