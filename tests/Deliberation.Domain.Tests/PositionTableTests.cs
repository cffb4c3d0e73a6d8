using System.Collections.Immutable;
using CsCheck;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests;

/// <summary>
/// <see cref="PositionTable"/> is a persistent dictionary: it answers as a <c>Dictionary</c> given
/// the same changes would, no change ever alters an older version (forks from old versions
/// included), and it is stored as the <c>ImmutableDictionary&lt;Guid, Position&gt;</c> it replaced was.
/// </summary>
public sealed class PositionTableTests
{
    private const int Iterations = 200;
    private static readonly DateTimeOffset At = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Who the ops name: a pool large enough for a three-level tree (more than 32 × 32 slots).</summary>
    private static readonly Guid[] Pool = [.. Enumerable.Range(1, 3_000).Select(i => new Guid(i, 7, 7, [1, 2, 3, 4, 5, 6, 7, 8]))];

    /// <summary>An op: 0–5 set, 6–7 remove, 8 go back to an older version and go on from there (a fork); then who, what, which version.</summary>
    private static readonly Gen<(int Kind, int Who, int What, int Back)> Op =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, Pool.Length - 1], Gen.Int[0, 49], Gen.Int[0, 1_000]);

    /// <summary>Ops after a bulk of first positions that grows the tree: sometimes a few, sometimes over a thousand.</summary>
    private static readonly Gen<(int Bulk, (int Kind, int Who, int What, int Back)[] Ops)> Script =
        Gen.Select(Gen.OneOf(Gen.Int[0, 40], Gen.Int[1_000, 2_500]), Op.Array[1, 120]);

    [Fact]
    public void ATableAnswersAsADictionaryGivenTheSameChanges() =>
        Script.Sample(script => Run(script, (table, reference) => AssertSame(reference, table)), iter: Iterations);

    [Fact]
    public void NoChangeAltersAnOlderVersion() =>
        Script.Sample(script =>
        {
            var versions = new List<(PositionTable Table, Dictionary<Guid, Position> Then)>();
            Run(script, (table, reference) => versions.Add((table, new Dictionary<Guid, Position>(reference))));
            foreach (var (table, then) in versions)
                AssertSame(then, table);
        }, iter: Iterations);

    [Fact]
    public void ATableIsStoredAsTheDictionaryItReplacedAndReadsBackTheSame() =>
        Script.Sample(script =>
        {
            Run(script, (table, reference) =>
            {
                if (reference.Count % 7 != 0)
                    return; // every version would be slow; a sample of them is enough
                var asDictionaryWroteIt = DomainJson.Serialize(ImmutableDictionary.CreateRange(reference));
                Assert.Equal(asDictionaryWroteIt, DomainJson.Serialize(table));
                var back = DomainJson.Deserialize<PositionTable>(asDictionaryWroteIt);
                AssertSame(reference, back);
                Assert.Equal(asDictionaryWroteIt, DomainJson.Serialize(back));
            });
        }, iter: Iterations / 4);

    [Fact]
    public void TheSameEntriesWriteTheSameTextWhateverOrderTheyArrivedIn()
    {
        var entries = Pool.Take(500).Select((p, i) => KeyValuePair.Create(p, PositionOf(i))).ToArray();
        var forwards = entries.Aggregate(PositionTable.Empty, (t, e) => t.SetItem(e.Key, e.Value));
        var backwards = entries.Reverse().Aggregate(PositionTable.Empty, (t, e) => t.SetItem(e.Key, e.Value));

        Assert.Equal(DomainJson.Serialize(forwards), DomainJson.Serialize(backwards));
    }

    /// <summary>
    /// The bulk fill (an import's, <see cref="PositionTable.Builder"/>) gives what <see cref="PositionTable.SetItem"/>
    /// of each position in turn gives, from any table, on the numbering the positions grow, and the table it
    /// started from never changes.
    /// </summary>
    [Fact]
    public void ATableFilledInPlaceIsTheTableSetItemByItemWouldGive() =>
        Gen.Select(Script, Gen.Select(Gen.Int[0, Pool.Length - 1], Gen.Int[0, 49]).Array[0, 3_000]).Sample(input =>
        {
            var (script, fills) = input;
            var start = PositionTable.Empty;
            var before = new Dictionary<Guid, Position>();
            Run(script, (table, reference) => (start, before) = (table, new Dictionary<Guid, Position>(reference)));

            var expected = start;
            foreach (var (who, what) in fills)
                expected = expected.SetItem(Pool[who], PositionOf(what));
            var builder = new PositionTable.Builder(start);
            var slots = start.Slots;
            foreach (var (who, what) in fills)
            {
                if (!slots.TryGetSlot(Pool[who], out var slot))
                {
                    slot = slots.Count;
                    slots = slots.Add(Pool[who]);
                }
                builder.Set(slot, PositionOf(what));
            }
            var filled = builder.ToTable(slots);

            AssertSame(expected.ToDictionary(), filled);
            Assert.Equal(DomainJson.Serialize(expected), DomainJson.Serialize(filled));
            AssertSame(before, start);
        }, iter: Iterations / 4);

    [Fact]
    public void ATableFilledInPlaceRefusesANumberingNotGrownFromItsOwn()
    {
        var common = PositionTable.Empty.SetItem(Pool[0], PositionOf(1));
        var one = common.SetItem(Pool[1], PositionOf(2));
        var other = common.SetItem(Pool[2], PositionOf(3));

        Assert.Throws<InvalidOperationException>(() => new PositionTable.Builder(one).ToTable(other.Slots));
    }

    [Fact]
    public void ATableNumberedByAGrownNumberingKeepsItsPositionsAndSharesTheSlots()
    {
        var first = PositionTable.Empty.SetItem(Pool[0], PositionOf(1)).SetItem(Pool[1], PositionOf(2));
        var grown = first.SetItem(Pool[2], PositionOf(3)).Slots;

        var renumbered = first.NumberedBy(grown);

        Assert.Same(grown, renumbered.Slots);
        Assert.Equal(first.OrderBy(p => p.Key), renumbered.OrderBy(p => p.Key));
        Assert.False(renumbered.ContainsKey(Pool[2]));
    }

    [Fact]
    public void ANumberingForkedFromAnOldVersionIsNotTakenForTheOther()
    {
        var common = PositionTable.Empty.SetItem(Pool[0], PositionOf(1));
        var one = common.SetItem(Pool[1], PositionOf(2));
        var other = common.SetItem(Pool[2], PositionOf(3)); // the same slot, another participant: a fork

        Assert.False(other.Slots.Extends(one.Slots));
        Assert.False(one.Slots.Extends(other.Slots));
        Assert.True(other.Slots.Extends(common.Slots));
        Assert.Same(one, one.NumberedBy(other.Slots));
        Assert.Equal(Pool[2], other.Slots.ParticipantAt(1));
        Assert.Equal(Pool[1], one.Slots.ParticipantAt(1));
    }

    [Fact]
    public void AStoredTableThatIsNotAnObjectIsAJsonError() =>
        Assert.Throws<System.Text.Json.JsonException>(() => DomainJson.Deserialize<PositionTable>("""[1, 2]"""));

    [Fact]
    public void AStoredTableKeyedByAnythingButAParticipantIdIsAJsonError() =>
        Assert.Throws<System.Text.Json.JsonException>(() => DomainJson.Deserialize<PositionTable>(
            """{"someone": {"kind": "Support", "revision": 1, "note": null, "at": "2026-05-04T09:00:00+00:00"}}"""));

    /// <summary>Plays a script on a table and on a reference dictionary side by side, reporting each version.</summary>
    private static void Run((int Bulk, (int Kind, int Who, int What, int Back)[] Ops) script, Action<PositionTable, Dictionary<Guid, Position>> version)
    {
        var table = PositionTable.Empty;
        var reference = new Dictionary<Guid, Position>();
        var history = new List<(PositionTable Table, Dictionary<Guid, Position> Then)> { (table, new(reference)) };
        for (var i = 0; i < script.Bulk; i++)
        {
            var who = Pool[i * 7 % Pool.Length];
            table = table.SetItem(who, PositionOf(i));
            reference[who] = PositionOf(i);
        }
        history.Add((table, new(reference)));
        version(table, reference);
        foreach (var (kind, whoIndex, what, back) in script.Ops)
        {
            var who = Pool[whoIndex];
            switch (kind)
            {
                case <= 5:
                    table = table.SetItem(who, PositionOf(what));
                    reference[who] = PositionOf(what);
                    break;
                case <= 7:
                    table = table.Remove(who);
                    reference.Remove(who);
                    break;
                default:
                    (table, reference) = history[back % history.Count];
                    reference = new Dictionary<Guid, Position>(reference);
                    break;
            }
            history.Add((table, new(reference)));
            version(table, reference);
        }
    }

    /// <summary>Positions that differ in kind, revision, note and time, so a mix-up of any of them shows.</summary>
    private static Position PositionOf(int what) =>
        new((PositionKind)(what % 5), 1 + what % 3, what % 4 == 0 ? $"note {what}" : null, At.AddSeconds(what));

    private static void AssertSame(Dictionary<Guid, Position> expected, PositionTable table)
    {
        Assert.Equal(expected.Count, table.Count);
        Assert.Equal(expected.Count == 0, table.IsEmpty);
        Assert.Equal(expected.OrderBy(p => p.Key), table.OrderBy(p => p.Key));
        foreach (var participant in Pool.Take(64).Concat(expected.Keys.Take(64)))
        {
            Assert.Equal(expected.TryGetValue(participant, out var position), table.TryGetValue(participant, out var found));
            Assert.Equal(position, found);
            Assert.Equal(expected.ContainsKey(participant), table.ContainsKey(participant));
        }
        // The flat cells agree with the positions: what counting reads is what the table holds.
        var cells = new CellReader(table.Slots, []);
        table.VisitCells(ref cells);
        Assert.Equal(
            expected.Select(p => (p.Key, p.Value.Kind, p.Value.Revision)).OrderBy(c => c.Key),
            cells.Found.OrderBy(c => c.Participant));
    }

    private readonly record struct CellReader(ParticipantSlots Slots, List<(Guid Participant, PositionKind Kind, int Revision)> Found) : ILeafVisitor<PositionCell>
    {
        public void Visit(int firstSlot, PositionCell[] leaf)
        {
            for (var i = 0; i < leaf.Length; i++)
                if (!leaf[i].IsEmpty)
                    Found.Add((Slots.ParticipantAt(firstSlot + i), leaf[i].Kind, leaf[i].Revision));
        }
    }
}
