using Serilog.Core;
using Serilog.Events;

namespace DoJ.Portal.Web.Operations;

/// <summary>
/// Replaces control characters (CR, LF, escape sequences…) in string properties with '?': a request path or
/// header that carries them reaches the log as one harmless line. Exceptions keep their line breaks.
/// </summary>
internal sealed class ControlCharacterGuard : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && text.Any(char.IsControl))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(string.Create(text.Length, text, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        span[i] = char.IsControl(source[i]) ? '?' : source[i];
                    }
                }))));
            }
        }
    }
}
