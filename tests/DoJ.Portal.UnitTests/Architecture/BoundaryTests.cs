using System.Reflection;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Articles;
using NetArchTest.Rules;

namespace DoJ.Portal.UnitTests.Architecture;

/// <summary>
/// The boundaries docs/architecture.md names, checked on the compiled assemblies (issue 17): a dependency that crosses
/// one fails here with the offending types, instead of being found by a reader later.
/// </summary>
public sealed class BoundaryTests
{
    private static readonly Assembly Domain = typeof(Article).Assembly;
    private static readonly Assembly Data = typeof(PortalDbContext).Assembly;
    private static readonly Assembly Search = typeof(DoJ.Portal.Search.SearchIndex).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void The_domain_uses_no_other_project_and_no_framework_for_data_or_the_web() =>
        AssertNone(Types.InAssembly(Domain).Should().NotHaveDependencyOnAny(
            "DoJ.Portal.Data", "DoJ.Portal.Search", "DoJ.Portal.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Lucene"));

    [Fact]
    public void Data_uses_neither_the_web_nor_the_search_project() =>
        AssertNone(Types.InAssembly(Data).Should().NotHaveDependencyOnAny("DoJ.Portal.Web", "DoJ.Portal.Search", "Lucene"));

    [Fact]
    public void Search_uses_no_ASP_NET_Core_type_and_not_the_web_project() =>
        AssertNone(Types.InAssembly(Search).Should().NotHaveDependencyOnAny("Microsoft.AspNetCore", "DoJ.Portal.Web"));

    [Fact]
    public void Services_of_the_web_project_use_no_controller_and_no_admin_screen_model() =>
        AssertNone(Types.InAssembly(Web)
            .That().DoNotResideInNamespace("DoJ.Portal.Web.Controllers")
            .And().DoNotResideInNamespace("DoJ.Portal.Web.Areas")
            .And().DoNotResideInNamespace("DoJ.Portal.Web.ViewComponents")
            .And().DoNotResideInNamespace("DoJ.Portal.Web.TagHelpers")
            .And().DoNotResideInNamespace("DoJ.Portal.Web.Models")
            .And().DoNotResideInNamespace("AspNetCoreGeneratedDocument")
            .And().DoNotHaveNameStartingWith("Program")
            .Should().NotHaveDependencyOnAny("DoJ.Portal.Web.Controllers", "DoJ.Portal.Web.Areas"));

    [Fact]
    public void Controllers_never_use_the_database_context() =>
        AssertNone(Types.InAssembly(Web)
            .That().Inherit(typeof(Microsoft.AspNetCore.Mvc.ControllerBase))
            .Should().NotHaveDependencyOn(typeof(PortalDbContext).FullName));

    private static void AssertNone(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Crossing the boundary: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
