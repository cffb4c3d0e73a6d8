using Deliberation.Domain;

namespace Deliberation.Contracts.Http;

/// <summary>
/// Every invite issued at once, the one time their links are shown (only hashes are stored):
/// one per person with a QR code of the link, how many old invites were revoked, and the same
/// list as a CSV file (name, affiliation, role, link, expires) ready to save.
/// </summary>
public sealed record IssuedInvites(IReadOnlyList<PersonInvite> Invites, int Revoked, string Csv);

/// <summary>One person's new invite. <paramref name="QrCode"/> is a PNG of the link as a <c>data:</c> URL.</summary>
public sealed record PersonInvite(Guid ParticipantId, string DisplayName, string? Affiliation, Role Role, string Link, DateTimeOffset ExpiresAt, string QrCode);
