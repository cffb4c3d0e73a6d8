using System.Collections.Immutable;
using Deliberation.Domain;

namespace Deliberation.Contracts.Http;

/// <summary>
/// POST /api/dialogues/{id}/members: the new member's name, role and groups; the answer is an
/// <see cref="IssuedInvite"/>. <paramref name="ParticipantId"/> must be absent: the server makes it
/// (a request naming one is refused with <c>member.id-not-allowed</c>).
/// </summary>
public sealed record AddMemberRequest(string DisplayName, string? Affiliation, Role Role, ImmutableDictionary<string, string>? Groups, Guid? ParticipantId = null);
