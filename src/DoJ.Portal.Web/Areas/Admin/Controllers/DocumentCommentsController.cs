using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Lấy ý kiến dự thảo, moderation: a document's comments (editors and administrators), accept or reject each with a note.</summary>
[Route(AdminUrls.Documents)]
public sealed class DocumentCommentsController(DraftCommentModerator moderator) : AdminControllerBase
{
    public const int PageSize = 50;

    /// <summary>The status filter's values (<c>?trang-thai=</c>).</summary>
    public static readonly IReadOnlyDictionary<string, CommentStatus> StatusSlugs = new Dictionary<string, CommentStatus>(StringComparer.Ordinal)
    {
        ["cho-duyet"] = CommentStatus.Pending,
        ["tiep-nhan"] = CommentStatus.Accepted,
        ["khong-tiep-nhan"] = CommentStatus.Rejected,
    };

    [HttpGet(AdminUrls.DocumentCommentsRoute)]
    public async Task<IActionResult> Index(int id, [FromQuery(Name = "trang-thai")] string? status, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        CommentStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!StatusSlugs.TryGetValue(status, out var parsed))
            {
                return BadRequest();
            }

            filter = parsed;
        }

        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        return await ShowAsync(await moderator.LoadAsync(id, filter, page, PageSize, User, cancellationToken), comments => View(comments));
    }

    [HttpPost(AdminUrls.ModerateCommentRoute)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public async Task<IActionResult> Moderate(int id, int commentId, [FromForm(Name = "quyet-dinh")] string? decision, [FromForm(Name = "ghi-chu")] string? note,
        CancellationToken cancellationToken)
    {
        var status = decision switch
        {
            "tiep-nhan" => CommentStatus.Accepted,
            "khong-tiep-nhan" => CommentStatus.Rejected,
            _ => (CommentStatus?)null,
        };
        if (status is null)
        {
            return BadRequest();
        }

        var back = AdminUrls.At(AdminUrls.DocumentComments(id), "gop-y-" + commentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await RespondAsync(await moderator.ModerateAsync(id, commentId, status.Value, note, User, cancellationToken), back,
            $"Đã cập nhật góp ý #{commentId.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {DraftCommentModerator.StatusText(status.Value)}.");
    }
}
