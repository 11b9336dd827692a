namespace Lapor.Workflows.Calendars;

/// <summary>One non-working date, as read from a holiday file.</summary>
/// <param name="Date">The local date in the calendar's zone.</param>
/// <param name="Name">The name shown to officers, e.g. "Hari Suci Nyepi".</param>
/// <param name="Kind">Whether it is national, cuti bersama or regional.</param>
/// <param name="Region">The region a <see cref="HolidayKind.Regional"/> day applies to (e.g. "bali"); null for national days.</param>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind, string? Region);
