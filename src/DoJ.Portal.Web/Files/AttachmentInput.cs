using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Web.Files;

/// <summary>
/// One row of an attachment list as an edit form posts it: which stored file, the name readers see, its place, and
/// whether to take it off. <see cref="OriginalName"/>, <see cref="Kind"/> and <see cref="SizeBytes"/> only travel
/// with the form so that a form shown again can still describe the file; the editor never reads them.
/// </summary>
public sealed class AttachmentInput
{
    public int StoredFileId { get; set; }

    [StringLength(Attachment.DisplayNameMaxLength, ErrorMessage = "Tên hiển thị của tệp dài tối đa {1} ký tự.")]
    [Display(Name = "Tên hiển thị")]
    public string? DisplayName { get; set; }

    [Display(Name = "Thứ tự")]
    public int Position { get; set; }

    [Display(Name = "Gỡ tệp này")]
    public bool Remove { get; set; }

    public string? OriginalName { get; set; }

    public FileKind? Kind { get; set; }

    public long SizeBytes { get; set; }

    public static AttachmentInput Of(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new()
        {
            StoredFileId = attachment.StoredFileId,
            DisplayName = attachment.DisplayName,
            Position = attachment.Position,
            OriginalName = attachment.StoredFile?.OriginalName,
            Kind = attachment.StoredFile?.Kind,
            SizeBytes = attachment.StoredFile?.SizeBytes ?? 0,
        };
    }
}

/// <summary>
/// An edit form that carries an attachment list: the rows of the files already attached and the files chosen to add.
/// The property names are the form's field names (<see cref="AttachmentListEditor.ListField"/>, <see cref="AttachmentListEditor.NewFilesField"/>).
/// </summary>
public interface IAttachmentForm
{
    List<AttachmentInput> Attachments { get; }

    List<IFormFile> NewFiles { get; }
}
