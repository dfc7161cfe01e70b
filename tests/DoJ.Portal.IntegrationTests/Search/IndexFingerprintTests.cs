using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Testing.Files;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Search;

/// <summary>What makes an instance rebuild its whole index at start: a change no index followed, never the reading of a file.</summary>
public sealed class IndexFingerprintTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    [Fact]
    public async Task Taking_a_file_to_read_and_storing_its_text_leave_the_fingerprint_as_it_was_while_a_document_save_changes_it()
    {
        var document = await DocumentAndPageSearchTests.AddDocumentAsync(factory, "77/2026/CV-STP", "Công văn về việc rà soát sổ hộ tịch");
        var file = await DocumentAndPageSearchTests.AttachPendingFileAsync(factory, document, FileKind.Docx, TestFiles.Docx("Rà soát sổ hộ tịch lưu trữ"));
        await using var scope = factory.Services.CreateAsyncScope();
        var content = scope.ServiceProvider.GetRequiredService<SearchContentRepository>();
        var before = (await content.FingerprintAsync()).ToString();

        // As an instance's reader does, later than anything read so far: claim the file (a lease stamp on its row), then
        // store its text.
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            var texts = new FileTextRepository(db);
            while (await texts.ClaimNextAsync(now, TimeSpan.FromMinutes(10)) is { } claimed)
            {
                await texts.CompleteAsync(claimed.File.Id, claimed.ClaimedAtUtc, FileTextState.Extracted, "Rà soát sổ hộ tịch lưu trữ", null, now);
            }

            return 0;
        });

        Assert.Equal(FileTextState.Extracted, await factory.WithDbAsync(db => Task.FromResult(db.StoredFiles.Single(f => f.Id == file).TextState)));
        Assert.Equal(before, (await content.FingerprintAsync()).ToString());

        await factory.WithDbAsync(async db =>
        {
            var saved = db.LegalDocuments.Single(d => d.Id == document);
            saved.UpdatedAtUtc = now.AddMinutes(1);
            return await db.SaveChangesAsync();
        });
        Assert.NotEqual(before, (await content.FingerprintAsync()).ToString());
    }
}
