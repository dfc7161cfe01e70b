using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// An XML document (UTF-8, indented) written into the response while it is produced: the <see cref="XmlWriter"/> fills a
/// small buffer, and each time the producer calls the drain callback with 16 KB or more in it, those bytes are written
/// to the response body. A sitemap file of 2,000 addresses (360 KB) is thus never held whole here; before, it was a
/// growing <see cref="MemoryStream"/> of large objects per request (the page validator still holds the response once,
/// in pooled arrays, to hash it for the ETag).
/// </summary>
/// <param name="write">Writes the document's root element; calls the callback between items to let the buffer drain.</param>
public sealed class StreamedXmlResult(Func<XmlWriter, Func<ValueTask>, Task> write) : IActionResult
{
    private const int DrainBytes = 16 * 1024;

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = "application/xml; charset=utf-8";
        using var pending = new MemoryStream(DrainBytes * 2);
        using var writer = XmlWriter.Create(pending, Settings);

        async ValueTask Drain(bool always)
        {
            writer.Flush();
            if (pending.Length >= DrainBytes || (always && pending.Length > 0))
            {
                await response.Body.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
                pending.SetLength(0);
            }
        }

        writer.WriteStartDocument();
        await write(writer, () => Drain(always: false));
        writer.WriteEndDocument();
        await Drain(always: true);
    }
}
