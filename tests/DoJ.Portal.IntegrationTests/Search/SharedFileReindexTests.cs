using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Search;
using DoJ.Portal.Testing.Files;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Search;

/// <summary>
/// A file whose text is read re-indexes every document holding it on this instance at once, in batches (each write
/// reads the index's fingerprint and commits). A portal of its own whose catch-up never runs, so only that path can
/// bring the documents into the index.
/// </summary>
public sealed class SharedFileReindexTests : IDisposable
{
    private readonly PortalWebApplicationFactory factory = new PortalWebApplicationFactory().With("Search:CatchUpInterval", "1.00:00:00");

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Every_document_holding_a_file_is_found_by_its_text_once_it_is_read_more_than_a_batch_of_them()
    {
        var index = factory.Services.GetRequiredService<SearchIndex>();
        await index.WhenReady;
        await factory.WhenFilesReadAsync();

        // More documents than one write takes (SearchContentRepository.DocumentBatchSize).
        var documents = new List<int>();
        for (var i = 0; i < 120; i++)
        {
            documents.Add(await DocumentAndPageSearchTests.AddDocumentAsync(factory, $"{i + 1}/2026/QĐ-STP", "Quyết định về tổ chức hội nghị"));
        }

        var file = await DocumentAndPageSearchTests.AttachPendingFileAsync(factory, documents[0], FileKind.Docx,
            TestFiles.Docx("Phụ lục danh mục thiết bị phòng họp trực tuyến tại xã Quảng Vinh"));
        await factory.WithDbAsync(async db =>
        {
            db.Attachments.AddRange(documents.Skip(1).Select(id => new Attachment { StoredFileId = file, DisplayName = "Phụ lục", LegalDocumentId = id }));
            await db.SaveChangesAsync();
        });
        Assert.Empty(index.FindDocumentIds("thiết bị phòng họp trực tuyến", 500, factory.Clock.GetUtcNow().UtcDateTime));

        Assert.True(await DocumentAndPageSearchTests.ExtractAllAsync(factory), "the file was still waiting");

        // The file's state is saved before the index is written: the test waits for the index (no timing is asserted).
        IReadOnlyList<int> Found() => index.FindDocumentIds("thiết bị phòng họp trực tuyến", 500, factory.Clock.GetUtcNow().UtcDateTime);
        await DocumentAndPageSearchTests.EventuallyAsync(factory, () => Found().Count == documents.Count);
        Assert.Equal(documents.Order(), Found().Order());
    }
}
