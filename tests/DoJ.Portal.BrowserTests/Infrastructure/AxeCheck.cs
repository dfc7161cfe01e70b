using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DoJ.Portal.BrowserTests.Infrastructure;

/// <summary>axe-core with the WCAG 2.0/2.1 A and AA rules; serious and critical violations fail.</summary>
public static class AxeCheck
{
    /// <summary>
    /// Runs axe on the loaded page, writes every finding to <paramref name="output"/> and fails on a serious or
    /// critical violation whose rule is not in <paramref name="exceptions"/> (rule id → the reason it is accepted).
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string path, ITestOutputHelper output, IReadOnlyDictionary<string, string>? exceptions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.NotEmpty(result.Passes); // axe really ran its rules on this page

        // Every finding goes to the test output (moderate and minor ones too); only serious and critical fail.
        foreach (var violation in result.Violations)
        {
            output.WriteLine(Describe(violation));
        }

        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Where(v => exceptions is null || !exceptions.ContainsKey(v.Id))
            .ToList();
        Assert.True(blocking.Count == 0, $"axe on {path}:{Environment.NewLine}" + string.Join(Environment.NewLine, blocking.Select(Describe)));
    }

    private static string Describe(AxeResultItem violation) =>
        $"- {violation.Id} ({violation.Impact}): {violation.Help}; "
        + string.Join(" | ", violation.Nodes.Take(3).Select(n => $"{n.Target} ({n.Any?.FirstOrDefault()?.Message})"))
        + (violation.Nodes.Length > 3 ? $" … and {violation.Nodes.Length - 3} more" : "");
}
