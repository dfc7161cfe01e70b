namespace DoJ.Portal.Web.Security;

/// <summary>Request body limits: one for every endpoint, raised or lowered per action with <c>[RequestSizeLimit]</c> or <see cref="AcceptsAttachmentsAttribute"/>.</summary>
public static class RequestBodyLimits
{
    /// <summary>Sign-in, settings, users and every other form: a few kilobytes in practice.</summary>
    public const long Default = 2 * 1024 * 1024;

    /// <summary>The article and static page editors, whose bodies may hold long pasted documents.</summary>
    public const long Editor = 5 * 1024 * 1024;

    /// <summary>How many files at the upload limit one save of a form with attachments may carry.</summary>
    public const int FilesPerSave = 3;

    /// <summary>
    /// A form with attachments: the editor's body plus <see cref="FilesPerSave"/> files at <c>Files:MaxUploadBytes</c>
    /// and one more megabyte, so that a file just over the limit still reaches the editor and gets its message instead of a 413.
    /// </summary>
    public static long WithAttachments(long maxUploadBytes) => Editor + (FilesPerSave * maxUploadBytes) + (1024 * 1024);
}

/// <summary>Marks a save endpoint whose form may carry attachments: its body limit is <see cref="RequestBodyLimits.WithAttachments"/> of the configured upload limit.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = true)]
public sealed class AcceptsAttachmentsAttribute : Attribute;
