namespace Deliberation.Contracts.Http;

/// <summary>
/// POST /api/dialogues/{id}/invites/everyone: an invite for every member who has no live one, or,
/// with <paramref name="ReissueAll"/>, a new one for every member after revoking all their old
/// ones (which signs out whoever joined with them). The caller gets none: she is signed in already.
/// </summary>
public sealed record IssueInvitesRequest(bool ReissueAll = false);
