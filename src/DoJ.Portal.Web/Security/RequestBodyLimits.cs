namespace DoJ.Portal.Web.Security;

/// <summary>Request body limits: one for every endpoint, raised or lowered per action with <c>[RequestSizeLimit]</c>.</summary>
public static class RequestBodyLimits
{
    /// <summary>Sign-in, settings, users and every other form: a few kilobytes in practice.</summary>
    public const long Default = 2 * 1024 * 1024;

    /// <summary>The article and static page editors, whose bodies may hold long pasted documents.</summary>
    public const long Editor = 5 * 1024 * 1024;
}
