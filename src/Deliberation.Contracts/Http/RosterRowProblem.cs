namespace Deliberation.Contracts.Http;

/// <summary>
/// One fault in a roster file: the row as a spreadsheet numbers it (the header is row 1; null for
/// the file as a whole), the column it is in (null for the whole row), and what to do about it.
/// </summary>
public sealed record RosterRowProblem(int? Row, string? Column, string Message);
