namespace DoJ.Portal.Web.Security;

/// <summary>Request body limits: one for every endpoint, raised or lowered per action with <c>[RequestSizeLimit]</c> or <see cref="AcceptsAttachmentsAttribute"/>.</summary>
public static class RequestBodyLimits
{
    /// <summary>Sign-in, settings, users and every other form: a few kilobytes in practice.</summary>
    public const long Default = 2 * 1024 * 1024;

    /// <summary>The article and static page editors, whose bodies may hold long pasted documents.</summary>
    public const long Editor = 5 * 1024 * 1024;

    /// <summary>
    /// A form with attachments: the editor's body plus one file at <c>Files:MaxUploadBytes</c> and one more megabyte
    /// (26 MB by default), so that a file just over the limit still reaches the editor and gets its message instead of
    /// a 413; several large files are added in several saves. Kept near one file so that a huge body is still refused
    /// before it is read.
    /// </summary>
    public static long WithAttachments(long maxUploadBytes) => Editor + maxUploadBytes + (1024 * 1024);
}

/// <summary>Marks a save endpoint whose form may carry attachments: its body limit is <see cref="RequestBodyLimits.WithAttachments"/> of the configured upload limit.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = true)]
public sealed class AcceptsAttachmentsAttribute : Attribute;
