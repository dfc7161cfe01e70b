using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.IntegrationTests.Search;
using DoJ.Portal.Search;
using DoJ.Portal.Testing.Files;
using DoJ.Portal.Web.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Documents;

/// <summary>The register's search box (<c>/van-ban?q=</c>): numbers in any spelling, parts of numbers, folded words and the text inside files.</summary>
public sealed class RegisterSearchTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private async Task<List<string>> NumbersAsync(string query, string filters = "")
    {
        var page = await factory.CreateClient().GetDocumentAsync("/van-ban?q=" + Uri.EscapeDataString(query) + filters);
        return page.QuerySelectorAll("table.document-register tbody th[scope=row]").Select(th => th.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task The_register_finds_a_document_by_its_number_in_any_spelling_by_part_of_it_by_folded_words_and_by_a_phrase_inside_its_pdf()
    {
        await factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        // Numbers and words no other test uses, so each query has one expected answer.
        var serial = Random.Shared.Next(7000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var number = $"{serial}/2025/QĐ-UBND";
        var word = new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        var id = await DocumentAndPageSearchTests.AddDocumentAsync(factory, number, $"Kế hoạch phổ biến giáo dục pháp luật {word} năm 2025");
        var other = await DocumentAndPageSearchTests.AddDocumentAsync(factory, $"{serial}1/KH-STP", $"Kế hoạch tổ chức hội nghị {word}");
        var draft = await DocumentAndPageSearchTests.AddDocumentAsync(factory, $"{serial}2/2025/QĐ-UBND", $"Kế hoạch phổ biến {word} chưa xuất bản", published: false);
        await DocumentAndPageSearchTests.AttachPendingFileAsync(factory, id, FileKind.Pdf,
            TestFiles.Pdf($"Uy ban giao So Tu phap chu tri phien toa gia dinh {word}zz tai cac truong trung hoc."));
        Assert.True(await DocumentAndPageSearchTests.ExtractAllAsync(factory), "the file's text was never read");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var index = factory.Services.GetRequiredService<SearchIndex>();
            var content = scope.ServiceProvider.GetRequiredService<DoJ.Portal.Data.Repositories.SearchContentRepository>();
            foreach (var document in new[] { id, other, draft })
            {
                await index.UpdateAsync(content, ContentKind.Document, document);
            }
        }

        await factory.Services.GetRequiredService<PublicCache>().SearchResultsChangedAsync();

        Assert.Equal([number], await NumbersAsync(number));
        Assert.Equal([number], await NumbersAsync(number.ToLowerInvariant().Replace("đ", "d", StringComparison.Ordinal)));
        Assert.Equal([number], await NumbersAsync($"{serial} / 2025 / QĐ - UBND"));
        Assert.Equal([number], await NumbersAsync($"QĐ {serial}"));
        Assert.Equal([number], await NumbersAsync($"ke hoach pho bien {word}"));
        Assert.Equal([number], await NumbersAsync($"phiên tòa giả định {word}zz"));
        Assert.Equal(2, (await NumbersAsync($"kế hoạch {word}")).Count);
        // The filters still apply to what the index found, and a hostile string is just text.
        Assert.Empty(await NumbersAsync($"ke hoach pho bien {word}", "&nam=2019"));
        Assert.Empty(await NumbersAsync($"\"{word}qq* (:- ] OR"));
        Assert.Equal([number], await NumbersAsync($"\"{word}\" (phổ biến) -"));
    }
}
