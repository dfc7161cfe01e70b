using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DoJ.Portal.Data;

/// <summary>
/// Every <see cref="DateTime"/> in the model is UTC: values are stored as they are and come back
/// marked <see cref="DateTimeKind.Utc"/>, on SQLite and SQL Server alike.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
