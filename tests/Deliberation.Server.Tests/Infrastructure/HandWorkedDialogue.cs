using Deliberation.Domain;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>
/// A small dialogue whose matrix is worked out by hand in the tests. Two dimensions:
/// Region = {North (N1–N4), South (S1–S3)} and Sector = {Academia (N1, N2, S1), Industry (N3, N4, S2, S3)};
/// a facilitator and a rapporteur; every group has at least k = 3 members.
/// </summary>
public static class HandWorkedDialogue
{
    public const string Facilitator = "Fran Facilitator";
    public const string Rapporteur = "Rhea Rapporteur";
    public const string Observer = "Otto Observer";

    public static readonly Dimension[] Dimensions =
    [
        new("Region", ["North", "South"]),
        new("Sector", ["Academia", "Industry"]),
    ];

    public static readonly Seat[] Seats =
    [
        new(Facilitator, Role.Facilitator),
        new(Rapporteur, Role.Rapporteur),
        new(Observer, Role.Observer),
        new("N1", Role.Delegate, ("Region", "North"), ("Sector", "Academia")),
        new("N2", Role.Delegate, ("Region", "North"), ("Sector", "Academia")),
        new("N3", Role.Delegate, ("Region", "North"), ("Sector", "Industry")),
        new("N4", Role.Delegate, ("Region", "North"), ("Sector", "Industry")),
        new("S1", Role.Delegate, ("Region", "South"), ("Sector", "Academia")),
        new("S2", Role.Delegate, ("Region", "South"), ("Sector", "Industry")),
        new("S3", Role.Delegate, ("Region", "South"), ("Sector", "Industry")),
    ];

    public static Task<TestDialogue> CreateAsync(ServerFactory server, ConfidentialityMode mode = ConfidentialityMode.ChathamHouse) =>
        TestDialogue.CreateAsync(server, mode, Dimensions, Seats);

    /// <summary>
    /// N1 Support, N2 Accept, N3 Oppose, N4 silent; S1 Support, S2 StandAside, S3 Support.
    /// North and South and Academia meet the rule; Industry (1 of 2 decided agree) needs one more: NearConsensus.
    /// </summary>
    public static async Task TakeNearConsensusPositionsAsync(TestDialogue dialogue, Guid clauseId)
    {
        await dialogue.TakePositionAsync("N1", clauseId, PositionKind.Support);
        await dialogue.TakePositionAsync("N2", clauseId, PositionKind.Accept);
        await dialogue.TakePositionAsync("N3", clauseId, PositionKind.Oppose);
        await dialogue.TakePositionAsync("S1", clauseId, PositionKind.Support);
        await dialogue.TakePositionAsync("S2", clauseId, PositionKind.StandAside);
        await dialogue.TakePositionAsync("S3", clauseId, PositionKind.Support);
    }
}
