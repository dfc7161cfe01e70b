using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace DoJ.Portal.Web.TagHelpers;

/// <summary>
/// Drops <c>&lt;div asp-validation-summary&gt;</c> while there is nothing to report. The framework's summary
/// then renders a placeholder <c>&lt;li style="display:none"&gt;</c>, an inline style that our
/// Content-Security-Policy blocks (showing an empty bullet). Runs after the framework's tag helper.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryTagHelper : TagHelper
{
    public override int Order => 100;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (ViewContext.ModelState.ErrorCount == 0)
        {
            output.SuppressOutput();
        }
    }
}
