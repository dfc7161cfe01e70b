using System.ComponentModel.DataAnnotations;
using System.Reflection;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace DoJ.Portal.UnitTests.Security;

/// <summary>
/// Every validation rule on a form the portal binds says what is wrong in Vietnamese: a rule without its own message
/// would show the framework's English one ("The field Email must be a string with a maximum length of 256.").
/// </summary>
public sealed class ValidationMessagesTests
{
    [Fact]
    public void Every_validation_attribute_of_the_web_models_has_its_own_message()
    {
        var missing = typeof(SignInModel).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(p => p.GetCustomAttributes<ValidationAttribute>(inherit: true)
                    // A plain [DataType] (a password field) is a hint for the view and never fails; its subclasses
                    // ([EmailAddress], [Phone], [Url]) do, and are checked.
                    .Where(a => a.GetType() != typeof(DataTypeAttribute))
                    .Where(a => string.IsNullOrEmpty(a.ErrorMessage) && a.ErrorMessageResourceType is null)
                    .Select(a => $"{t.FullName}.{p.Name}: [{a.GetType().Name}]")))
            .ToList();

        Assert.True(missing.Count == 0, "Without a Vietnamese message:\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("", "Vui lòng chọn hoặc nhập giá trị cho mục này.")]
    [InlineData("abc", "Giá trị “abc” không hợp lệ.")]
    public void A_value_a_number_field_cannot_take_is_explained_in_vietnamese(string sent, string expected)
    {
        var messages = new DefaultModelBindingMessageProvider();
        VietnameseModelBinding.Use(messages);
        Assert.Equal(expected, messages.ValueMustNotBeNullAccessor(sent));
    }
}
