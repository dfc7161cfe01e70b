using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Mail;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace DoJ.Portal.Web.Mail;

/// <summary>Turns a queued message into MIME (UTF-8 subject and text) and hands it to the SMTP server or the pickup folder.</summary>
public sealed class MailDelivery(IOptions<MailOptions> options, IOptions<StorageOptions> storage)
{
    /// <summary>The folder <c>.eml</c> files are written to when no SMTP server is configured.</summary>
    public string PickupFolder => string.IsNullOrWhiteSpace(options.Value.PickupFolder)
        ? Path.Combine(storage.Value.DataPath, MailOptions.DefaultPickupFolder)
        : options.Value.PickupFolder;

    public MimeMessage Compose(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Encoding.UTF8, o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(Encoding.UTF8, "", mail.ToAddress));
        message.Subject = mail.Subject.Normalize(NormalizationForm.FormC);
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, message.Subject);
        // A stable id: a message sent twice after a crash between sending and recording it is recognisable as one.
        message.MessageId = $"outgoing-{mail.Id}.{mail.CreatedAtUtc.Ticks}@{Domain(o.FromAddress)}";
        var body = new TextPart(TextFormat.Plain);
        body.SetText(Encoding.UTF8, mail.TextBody.Normalize(NormalizationForm.FormC));
        message.Body = body;
        return message;
    }

    /// <summary>Sends <paramref name="mail"/>; an exception means it was not sent.</summary>
    public async Task DeliverAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var message = Compose(mail);
        var o = options.Value;
        if (o.UsesPickupFolder)
        {
            Directory.CreateDirectory(PickupFolder);
            var name = $"{mail.CreatedAtUtc:yyyyMMdd'T'HHmmss}-{mail.Id}.eml";
            var temporary = Path.Combine(PickupFolder, name + ".tmp");
            await message.WriteToAsync(temporary, cancellationToken);
            // Written whole, then renamed: a reader of the folder never sees half a message.
            File.Move(temporary, Path.Combine(PickupFolder, name), overwrite: true);
            return;
        }

        using var client = new SmtpClient { Timeout = Math.Max(1, o.TimeoutSeconds) * 1000 };
        await client.ConnectAsync(o.Host!, o.Port, o.Security, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "localhost";
    }
}
