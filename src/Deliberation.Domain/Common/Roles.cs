namespace Deliberation.Domain;

/// <summary>What each role may do, in one place so the deciders and the edge agree.</summary>
public static class Roles
{
    /// <summary>Conveners and facilitators organise: settings, roster, invites.</summary>
    public static bool Organises(this Role role) => role is Role.Convener or Role.Facilitator;

    /// <summary>Facilitators chair; a convener may chair too when no one else is there to.</summary>
    public static bool Chairs(this Role role) => role is Role.Facilitator or Role.Convener;

    public static bool Drafts(this Role role) => role is Role.Rapporteur or Role.Facilitator or Role.Convener;

    /// <summary>Delegates take positions; facilitators only when the consensus rule says they vote.</summary>
    public static bool MayTakePositions(this Role role, bool facilitatorsVote) =>
        role is Role.Delegate || (facilitatorsVote && role is Role.Facilitator);

    public static bool Acts(this Role role) => role is not Role.Observer;
}
