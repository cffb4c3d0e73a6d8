namespace Deliberation.Contracts.Http;

/// <summary>POST /api/dialogues/{id}/statements: a new, empty statement; the answer is a <see cref="CreatedStatement"/>.</summary>
public sealed record AddStatementRequest(string Title);
