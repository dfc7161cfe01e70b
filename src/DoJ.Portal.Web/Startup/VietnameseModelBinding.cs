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
        // An empty value for a number (a list left on its first, empty choice): say what to do, not "“” is invalid".
        messages.SetValueMustNotBeNullAccessor(value => string.IsNullOrWhiteSpace(value)
            ? "Vui lòng chọn hoặc nhập giá trị cho mục này."
            : $"Giá trị “{value}” không hợp lệ.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ cho “{field}”.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của “{field}” không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(field => $"“{field}” phải là một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
    }
}
