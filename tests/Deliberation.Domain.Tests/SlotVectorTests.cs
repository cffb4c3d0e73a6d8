using CsCheck;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests;

/// <summary>
/// <see cref="SlotVector{T}"/> with its leaves sparse and dense (docs/performance.md, "Session 15: the snapshot
/// SQLite spelled out"): set at slots scattered over a wide range, as a statement's numbering leaves an
/// imported clause's table, or filled in runs, as a room fills it, every version answers as an array given
/// the same writes would, a scan hands over exactly the values set, and a vector filled in place by a
/// <see cref="SlotVector{T}.Builder"/> is the one setting each value in turn gives, the original unchanged.
/// </summary>
public sealed class SlotVectorTests
{
    /// <summary>Writes: scattered (a slot anywhere below 40,000, few per leaf) or in a run (the next slots).</summary>
    private static readonly Gen<(int Slot, int Value)[]> Writes =
        Gen.OneOf(
            Gen.Select(Gen.Int[0, 39_999], Gen.Int[1, 1_000]).Array[1, 400],
            Gen.Int[0, 2_000].SelectMany(start => Gen.Int[1, 1_000].Array[1, 300].Select(values => values.Select((v, i) => (start + i % 70, v)).ToArray())));

    [Fact]
    public void EveryVersionAnswersAsAnArrayGivenTheSameWritesAndAScanHandsOverWhatWasSet() =>
        Writes.Sample(writes =>
        {
            var vector = SlotVector<int>.Empty;
            var versions = new List<(SlotVector<int> Vector, Dictionary<int, int> Then)>();
            var reference = new Dictionary<int, int>();
            foreach (var (slot, value) in writes)
            {
                vector = vector.Set(slot, value);
                reference[slot] = value;
                versions.Add((vector, new Dictionary<int, int>(reference)));
            }
            foreach (var (version, then) in versions)
            {
                foreach (var (slot, value) in then)
                    Assert.Equal(value, version.Get(slot));
                // A slot never set reads as the default, beside set ones and beyond them.
                foreach (var slot in then.Keys.SelectMany(s => new[] { s - 1, s + 1, s + 33 }).Where(s => !then.ContainsKey(s)))
                    Assert.Equal(0, version.Get(slot));
                Assert.Equal(then.OrderBy(p => p.Key).ToList(), Scanned(version));
            }
        }, iter: 150);

    [Fact]
    public void AVectorFilledInPlaceIsTheOneSettingEachValueInTurnGives() =>
        Gen.Select(Writes, Writes).Sample(input =>
        {
            var (first, then) = input;
            var start = SlotVector<int>.Empty;
            foreach (var (slot, value) in first)
                start = start.Set(slot, value);
            var before = Scanned(start);

            var expected = start;
            var builder = new SlotVector<int>.Builder(start);
            foreach (var (slot, value) in then)
            {
                expected = expected.Set(slot, value);
                builder.Set(slot, value);
                Assert.Equal(value, builder.Get(slot));
            }
            var filled = builder.ToVector();

            Assert.Equal(Scanned(expected), Scanned(filled));
            foreach (var (slot, value) in Scanned(expected))
                Assert.Equal(value, filled.Get(slot));
            Assert.Equal(before, Scanned(start));
            // Written on after the fill as after any other vector.
            var (next, nextValue) = then[^1];
            Assert.Equal(nextValue + 1, filled.Set(next + 1, nextValue + 1).Get(next + 1));
        }, iter: 150);

    /// <summary>What a scan hands over: each non-default value with its slot, in slot order.</summary>
    private static List<KeyValuePair<int, int>> Scanned(SlotVector<int> vector)
    {
        var scan = new Scan([]);
        vector.VisitLeaves(ref scan);
        return scan.Found;
    }

    private readonly record struct Scan(List<KeyValuePair<int, int>> Found) : ILeafVisitor<int>
    {
        public void Visit(int firstSlot, int[] leaf)
        {
            Assert.Equal(SlotVector<int>.LeafSize, leaf.Length);
            Assert.Equal(0, firstSlot % SlotVector<int>.LeafSize);
            for (var i = 0; i < leaf.Length; i++)
                if (leaf[i] != 0)
                    Found.Add(new(firstSlot + i, leaf[i]));
        }
    }
}
