using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace DoJ.Portal.IntegrationTests.Files;

/// <summary>An edit form as a browser sends it back: every field as shown, some changed, files chosen, multipart.</summary>
public static class AttachmentForms
{
    /// <summary>The fields of <c>form#<paramref name="formId"/></c> on <paramref name="page"/>, antiforgery token included.</summary>
    public static async Task<List<KeyValuePair<string, string>>> ReadAsync(StaffSession session, string page, string formId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var document = await session.GetAsync(page);
        var form = document.QuerySelector($"form#{formId}") ?? throw new InvalidOperationException($"{page} has no form#{formId}");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" or "button" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement text:
                    fields.Add(new(name, text.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }

        return fields;
    }

    public static void Set(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }

    public static async Task<HttpResponseMessage> PostAsync(StaffSession session, string action, IEnumerable<KeyValuePair<string, string>> fields, params (string Name, byte[] Bytes)[] files)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fields);
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // As a browser sends it: the name in UTF-8 (filename*), the form field NewFiles.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"NewFiles\"", FileNameStar = name, FileName = "\"upload\"" };
            form.Add(file);
        }

        return await session.Client.PostAsync(new Uri(action, UriKind.Relative), form);
    }
}
