using System.Collections.Immutable;
using Deliberation.Domain;

namespace Deliberation.Contracts.Http;

/// <summary>POST /api/dialogues/{id}/members: the new member's name, role and groups; the answer is an <see cref="IssuedInvite"/>.</summary>
public sealed record AddMemberRequest(string DisplayName, string? Affiliation, Role Role, ImmutableDictionary<string, string>? Groups);
