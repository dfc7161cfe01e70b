using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.IntegrationTests.Files;
using DoJ.Portal.IntegrationTests.Search;
using DoJ.Portal.Search;
using DoJ.Portal.Testing.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Documents;

/// <summary>A document's files go through the same attachment editor as articles': uploaded with the form, in revisions, searched inside.</summary>
public sealed class DocumentFilesTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string New = "/quan-tri/van-ban/tao";

    private static string Edit(int id) => $"/quan-tri/van-ban/{id}/sua";

    private static async Task<List<KeyValuePair<string, string>>> FieldsAsync(StaffSession editor, TestTerms terms, string number, string action)
    {
        // The form as served (its antiforgery token), filled in.
        var fields = await AttachmentForms.ReadAsync(editor, New, "form-van-ban");
        foreach (var (name, value) in Values(terms, number, action))
        {
            fields.Set(name, value);
        }

        return fields;
    }

    private static List<KeyValuePair<string, string>> Values(TestTerms terms, string number, string action) =>
    [
        new("Number", number),
        new("Abstract", "Quyết định khen thưởng tập thể và cá nhân có thành tích trong công tác bình đẳng giới"),
        new("Signer", "Nguyễn Văn A"),
        new("DocumentTypeId", terms.Type.Id.ToString(CultureInfo.InvariantCulture)),
        new("IssuingBodyId", terms.Body.Id.ToString(CultureInfo.InvariantCulture)),
        new("FieldId", terms.Field.Id.ToString(CultureInfo.InvariantCulture)),
        new("IssuedOn", "2025-03-01"),
        new("EffectiveOn", ""),
        new("ExpiresOn", ""),
        new("RelatedArticleIds", ""),
        new("PublishAt", ""),
        new("ConcurrencyStamp", Guid.Empty.ToString()),
        new("thao-tac", action),
    ];

    private Task<LegalDocument?> DocumentAsync(string number) =>
        factory.WithDbAsync(db => db.LegalDocuments.AsNoTracking().Include(d => d.Attachments).ThenInclude(a => a.StoredFile)
            .Include(d => d.Revisions).FirstOrDefaultAsync(d => d.Number == number));

    [Fact]
    public async Task An_editor_publishes_a_document_with_its_pdf_whose_text_then_finds_it_and_a_second_save_keeps_the_file_in_every_revision()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var terms = await factory.AddTermsAsync();
        var number = $"{Random.Shared.Next(100, 999)}/QĐ-STP-{terms.Type.Slug[^4..]}";
        var phrase = "bieu duong tap the " + Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))).Aggregate("", (s, c) => s + c);
        var pdf = TestFiles.Pdf($"Khen thuong cac tap the. {phrase} trong nam 2025.");

        using (var created = await AttachmentForms.PostAsync(editor, New, await FieldsAsync(editor, terms, number, "xuat-ban"), ("Quyết định khen thưởng.pdf", pdf)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var document = await DocumentAsync(number) ?? throw new InvalidOperationException("the document was not saved");
        var attachment = Assert.Single(document.Attachments);
        Assert.Equal("Quyết định khen thưởng", attachment.DisplayName);
        Assert.Equal(FileKind.Pdf, attachment.StoredFile!.Kind);
        // The revisions of the save and of the publishing name the file by its id (given by the same save).
        Assert.NotEmpty(document.Revisions);
        Assert.All(document.Revisions, r => Assert.Equal([new AttachmentSnapshot(attachment.StoredFileId, "Quyết định khen thưởng")],
            AttachmentSnapshot.Parse(r.Attachments)));

        // Renamed in a second save: the new revision has the new name, the first keeps the old one.
        var fields = await AttachmentForms.ReadAsync(editor, Edit(document.Id), "form-van-ban");
        fields.Set("Attachments[0].DisplayName", "Quyết định số " + number);
        using (var saved = await AttachmentForms.PostAsync(editor, Edit(document.Id), fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        document = await DocumentAsync(number) ?? throw new InvalidOperationException("the document is gone");
        Assert.Equal("Quyết định số " + number, Assert.Single(document.Attachments).DisplayName);
        Assert.Contains(document.Revisions, r => AttachmentSnapshot.Parse(r.Attachments).SingleOrDefault()?.DisplayName == "Quyết định số " + number);

        // The text inside the PDF is read in the background and finds the document in the register.
        Assert.True(await DocumentAndPageSearchTests.ExtractAllAsync(factory), "the file's text was never read");
        var index = factory.Services.GetRequiredService<SearchIndex>();
        Assert.True(await DocumentAndPageSearchTests.EventuallyAsync(factory,
            () => index.FindDocumentIds(phrase, 10, factory.Clock.GetUtcNow().UtcDateTime).Contains(document.Id)), "the index never found the phrase");
        var register = await factory.CreatePlainClient().GetDocumentAsync("/van-ban?q=" + Uri.EscapeDataString(phrase));
        Assert.Equal([number], register.QuerySelectorAll("table.document-register tbody th[scope=row]").Select(th => th.TextContent.Trim()));

        var page = await factory.CreatePlainClient().GetDocumentAsync($"/van-ban/{document.Id}/{document.Slug}");
        Assert.NotNull(page.QuerySelector($".document-files a[href^='/tai-lieu/{attachment.StoredFileId}/']"));
    }

    [Fact]
    public async Task A_macro_enabled_file_refuses_the_document_save_and_leaves_no_document_and_no_file()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var terms = await factory.AddTermsAsync();
        var number = $"{Random.Shared.Next(100, 999)}/TB-STP-{terms.Type.Slug[^4..]}";
        var filesBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        using var refused = await AttachmentForms.PostAsync(editor, New, await FieldsAsync(editor, terms, number, "luu"), ("bieu-mau.docm", DocumentBuilder.Docm()));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tệp «bieu-mau.docm» chứa macro nên không được nhận.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await DocumentAsync(number));
        Assert.Equal(filesBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }
}
