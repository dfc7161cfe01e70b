using System.Diagnostics;
using System.Net;
using System.Text;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Mail;
using DoJ.Portal.IntegrationTests.Privacy;
using DoJ.Portal.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DoJ.Portal.IntegrationTests.Mail;

/// <summary>The outgoing mail queue: the pickup folder, a real SMTP listener, retries on the fake clock, claims, the admin screen.</summary>
public sealed class MailSenderTests
{
    private const string Subject = "Câu hỏi “Đăng ký khai sinh” của bạn đã được trả lời";
    private const string Body = "Kính gửi ông/bà Nguyễn Văn An,\nSở Tư pháp đã trả lời câu hỏi của bạn. Mã tra cứu: K7M2Q9X4PA.\nTrân trọng.";

    private static PortalWebApplicationFactory Factory() => new PortalWebApplicationFactory()
        .With("Mail:BackgroundSending", "false")
        .With("Privacy:BackgroundRetention", "false");

    private static MailSender SenderOf(PortalWebApplicationFactory factory) => factory.Services.GetRequiredService<MailSender>();

    private static Task<OutgoingMail> StoredAsync(PortalWebApplicationFactory factory, long id) =>
        factory.WithDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Without_a_mail_server_a_message_is_written_to_the_pickup_folder_in_utf8_and_marked_sent()
    {
        using var factory = Factory();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var mail = await factory.AddMailAsync("nguyen.van.an@example.vn", now, subject: Subject, body: Body);

        await SenderOf(factory).SendDueAsync();

        var file = Path.Combine(factory.DataPath, "mail-pickup", $"{now:yyyyMMdd'T'HHmmss}-{mail.Id}.eml");
        Assert.True(File.Exists(file), file);
        var raw = await File.ReadAllBytesAsync(file);
        _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw);
        using var stream = new MemoryStream(raw);
        using var message = await MimeMessage.LoadAsync(stream);
        Assert.Equal(Subject, message.Subject);
        Assert.Equal(Body, message.TextBody!.TrimEnd('\r', '\n').ReplaceLineEndings("\n"));
        Assert.Equal("nguyen.van.an@example.vn", message.To.Mailboxes.Single().Address);
        Assert.Equal("Sở Tư pháp", message.From.Mailboxes.Single().Name);
        var stored = await StoredAsync(factory, mail.Id);
        Assert.Equal(now, stored.SentAtUtc);
        Assert.Null(stored.NextAttemptAtUtc);

        // Sent once: a second look finds nothing to send.
        await SenderOf(factory).SendDueAsync();
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!, $"*-{mail.Id}.eml"));
    }

    [SkippableFact]
    public async Task A_message_is_sent_through_a_real_smtp_server_on_loopback()
    {
        const string sink = "/usr/sbin/smtp-sink";
        Skip.IfNot(File.Exists(sink), "smtp-sink (Debian's postfix) is not installed");
        var port = LoopbackPort.Free();
        var dump = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dump);
        if (!OperatingSystem.IsWindows())
        {
            // smtp-sink writes as its own (unprivileged) user.
            File.SetUnixFileMode(dump, (UnixFileMode)0b111_111_111);
        }
        var start = new ProcessStartInfo(sink) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (Environment.UserName == "root")
        {
            // smtp-sink refuses to keep root's privileges.
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }

        foreach (var argument in new[] { "-d", Path.Combine(dump, "%Y%m%d%H%M%S."), $"127.0.0.1:{port}", "10" })
        {
            start.ArgumentList.Add(argument);
        }

        using var listener = Process.Start(start)!;
        try
        {
            await WaitForListenerAsync(port);
            using var factory = Factory()
                .With("Mail:Host", "127.0.0.1")
                .With("Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .With("Mail:Security", "None")
                .With("Mail:FromAddress", "thongbao@stp.example.vn");
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var mail = await factory.AddMailAsync("tran.thi.binh@example.vn", now, subject: Subject, body: Body);

            Assert.Equal(1, await SenderOf(factory).SendDueAsync());

            var received = Assert.Single(Directory.GetFiles(dump));
            using var message = await MimeMessage.LoadAsync(received);
            Assert.Equal(Subject, message.Subject);
            Assert.Equal(Body, message.TextBody!.TrimEnd('\r', '\n').ReplaceLineEndings("\n"));
            Assert.Contains("<tran.thi.binh@example.vn>", message.Headers["X-Rcpt-Args"], StringComparison.Ordinal);
            Assert.Contains("<thongbao@stp.example.vn>", message.Headers["X-Mail-Args"], StringComparison.Ordinal);
            Assert.NotNull((await StoredAsync(factory, mail.Id)).SentAtUtc);
            Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "mail-pickup")));
        }
        finally
        {
            listener.Kill();
            await listener.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_failing_server_is_retried_with_growing_waits_then_given_up_and_an_administrator_can_retry()
    {
        using var factory = Factory()
            .With("Mail:Host", "127.0.0.1")
            .With("Mail:Port", LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Mail:Security", "None")
            .With("Mail:TimeoutSeconds", "5");
        var sender = SenderOf(factory);
        var mail = await factory.AddMailAsync("le.van.cuong@example.vn", factory.Clock.GetUtcNow().UtcDateTime);

        for (var attempt = 1; attempt <= OutgoingMail.MaxAttempts; attempt++)
        {
            Assert.Equal(0, await sender.SendDueAsync());
            var stored = await StoredAsync(factory, mail.Id);
            Assert.Equal(attempt, stored.Attempts);
            Assert.Null(stored.SentAtUtc);
            Assert.Null(stored.ClaimedUntilUtc);
            Assert.False(string.IsNullOrEmpty(stored.LastError));
            Assert.DoesNotContain("le.van.cuong", stored.LastError, StringComparison.Ordinal);
            if (attempt < OutgoingMail.MaxAttempts)
            {
                var wait = MailRetry.WaitAfter(attempt);
                Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime + wait, stored.NextAttemptAtUtc);
                Assert.Null(stored.GaveUpAtUtc);
                // Not due before its time: nothing is tried.
                factory.Clock.Advance(wait - TimeSpan.FromSeconds(1));
                await sender.SendDueAsync();
                Assert.Equal(attempt, (await StoredAsync(factory, mail.Id)).Attempts);
                factory.Clock.Advance(TimeSpan.FromSeconds(1));
            }
            else
            {
                Assert.Null(stored.NextAttemptAtUtc);
                Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.GaveUpAtUtc);
            }
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await sender.SendDueAsync();
        Assert.Equal(OutgoingMail.MaxAttempts, (await StoredAsync(factory, mail.Id)).Attempts);

        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var dashboard = await admin.GetAsync("/quan-tri");
        Assert.Contains("không gửi được", dashboard.QuerySelector(".mail-warning")!.TextContent, StringComparison.Ordinal);
        var list = await admin.GetAsync("/quan-tri/thu-gui?trang-thai=GivenUp");
        var row = list.QuerySelector($"#thu-{mail.Id}")!;
        Assert.Contains("Đã bỏ", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Báo câu hỏi đã được trả lời", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("question-answered", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("le***@example.vn", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("le.van.cuong", list.Body!.InnerHtml, StringComparison.Ordinal);

        using var retried = await admin.PostFormAsync("/quan-tri/thu-gui", $"/quan-tri/thu-gui/{mail.Id}/thu-lai", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var again = await StoredAsync(factory, mail.Id);
        Assert.Equal(0, again.Attempts);
        Assert.Null(again.GaveUpAtUtc);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, again.NextAttemptAtUtc);
        Assert.Contains("Chờ gửi", (await admin.GetAsync("/quan-tri/thu-gui")).QuerySelector($"#thu-{mail.Id}")!.TextContent, StringComparison.Ordinal);
        var after = await admin.GetAsync("/quan-tri");
        Assert.Null(after.QuerySelector(".mail-warning"));
        // The activity table names the kind of record in Vietnamese, as the audit log does.
        Assert.Contains($"Thư gửi đi #{mail.Id}", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"OutgoingMail #{mail.Id}", after.Body.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "OutgoingMail" && e.EntityId == mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "retry")));
    }

    [Fact]
    public async Task Two_senders_claiming_one_message_at_once_send_it_once()
    {
        using var factory = Factory();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var mail = await factory.AddMailAsync("pham.thi.dung@example.vn", now);

        // Two claims of the same row from two scopes: exactly one wins.
        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OutgoingMailRepository>().TryClaimAsync(mail.Id, now, now.AddMinutes(5));
        })));
        Assert.Single(claims, c => c is not null);

        // The claim holds until it expires; then two senders looking at once send it once.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var sender = SenderOf(factory);
        await Task.WhenAll(Task.Run(() => sender.SendDueAsync()), Task.Run(() => sender.SendDueAsync()), Task.Run(() => sender.SendDueAsync()));
        Assert.Single(Directory.GetFiles(Path.Combine(factory.DataPath, "mail-pickup"), $"*-{mail.Id}.eml"));
        Assert.Equal(1, (await StoredAsync(factory, mail.Id)).Attempts);
    }

    [Fact]
    public async Task Only_administrators_see_the_outgoing_mail_and_bad_filters_are_400()
    {
        using var factory = Factory();
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using var forbidden = await editor.Client.GetAsync(new Uri("/quan-tri/thu-gui", UriKind.Relative));
        using var anonymous = await factory.CreatePlainClient().GetAsync(new Uri("/quan-tri/thu-gui", UriKind.Relative));
        using var badState = await admin.Client.GetAsync(new Uri("/quan-tri/thu-gui?trang-thai=abc", UriKind.Relative));
        using var badPage = await admin.Client.GetAsync(new Uri("/quan-tri/thu-gui?trang=0", UriKind.Relative));
        using var ok = await admin.Client.GetAsync(new Uri("/quan-tri/thu-gui?trang-thai=Sent", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("thư mục nhận thư", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await editor.GetAsync("/quan-tri")).QuerySelector(".mail-warning"));
    }

    private static async Task WaitForListenerAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("smtp-sink did not start");
    }
}
