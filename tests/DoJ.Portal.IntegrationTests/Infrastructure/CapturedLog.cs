using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A Serilog sink the portal picks up from its services (PortalLogging reads sinks from DI): every event
/// the app writes, with its properties, at the levels the app's configuration lets through.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    /// <summary>Events with this Microsoft.Extensions.Logging event id.</summary>
    public IReadOnlyList<LogEvent> WithEventId(int id) => Events.Where(e => EventIdOf(e) == id).ToList();

    public static int? EventIdOf(LogEvent logEvent) =>
        logEvent is not null
        && logEvent.Properties.TryGetValue("EventId", out var value)
        && value is StructureValue structure
        && structure.Properties.FirstOrDefault(p => p.Name == "Id")?.Value is ScalarValue { Value: int id }
            ? id
            : null;

    /// <summary>A property's plain value (strings without quotes).</summary>
    public static string? Property(LogEvent logEvent, string name) =>
        logEvent is not null && logEvent.Properties.TryGetValue(name, out var value)
            ? value is ScalarValue { Value: var scalar } ? scalar?.ToString() : value.ToString()
            : null;

    /// <summary>Everything an event carries, as a sink could write it: message, every property, the exception.</summary>
    public string AllText() => string.Join('\n', Events.Select(e =>
        e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " | " +
        string.Join(" | ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + " | " + e.Exception));
}
