using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace DoJ.Portal.Web.Startup;

/// <summary>
/// The messages model binding writes when a posted value cannot be read (a number field holding text, an
/// unknown option): in Vietnamese like every other message a user sees, instead of the framework's English.
/// </summary>
public static class VietnameseModelBinding
{
    public static void Use(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị của “{field}”.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung gửi lên.");
        messages.SetValueMustNotBeNullAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ cho “{field}”.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của “{field}” không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"“{field}” phải là một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
    }
}
