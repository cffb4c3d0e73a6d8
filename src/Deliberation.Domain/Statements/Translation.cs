namespace Deliberation.Domain.Statements;

/// <summary>
/// One revision of a clause's (or a bracket option's) text in a translated language. It is bound to
/// <see cref="SourceRevision"/>, the source revision it translates; <see cref="Number"/> counts that
/// language's revisions from 1.
/// </summary>
public sealed record Translation(int Number, string Text, int SourceRevision, Guid Author, DateTimeOffset At);
