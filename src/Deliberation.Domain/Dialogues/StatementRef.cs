namespace Deliberation.Domain.Dialogues;

/// <summary>A statement the dialogue holds; its content lives in the statement's own stream.</summary>
public sealed record StatementRef(Guid Id, string Title);
