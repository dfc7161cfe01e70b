using System.Net;
using System.Net.Http.Headers;
using SkiaSharp;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

public static class TestUploads
{
    /// <summary>Uploads a small PNG of a random colour through the editor's upload endpoint; returns its <c>/media/…</c> address.</summary>
    public static async Task<string> UploadImageAsync(this StaffSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var png = new ImageBuilder().Sized(64, 48).OnBackground(new SKColor((byte)Random.Shared.Next(256), 90, 160)).Png();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "anh.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/quan-tri/thu-vien-anh/tai-len", UriKind.Relative)) { Content = form };
        request.Headers.Add("RequestVerificationToken", await session.TokenAsync("/quan-tri/thu-vien-anh"));
        using var response = await session.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("url").GetString()!;
    }
}
