using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;

namespace Deliberation.Client.Tests;

/// <summary>Consensus figures as the server sends them, built by hand for the tests.</summary>
internal static class Figures
{
    public static GroupConsensus Group(string name, int members, int support = 0, int accept = 0, int standAside = 0, int oppose = 0, int block = 0, int stale = 0,
        bool meets = false, int needed = 0, ImmutableArray<string> folded = default)
    {
        var decided = support + accept + oppose + block;
        var silent = members - support - accept - standAside - oppose - block - stale;
        return new GroupConsensus(name, members, support, accept, standAside, oppose, block, stale, Math.Max(silent, 0),
            decided == 0 ? null : (double)(support + accept) / decided, meets, needed, folded);
    }

    public static DimensionConsensus Dimension(string name, params GroupConsensus[] groups) =>
        new(name, true, 0.5, [.. groups], Group("Total", groups.Sum(g => g.Members)));

    public static ClauseConsensus Clause(Guid id, ClauseStatus status, params DimensionConsensus[] dimensions) =>
        new(id, null, null, ClauseKind.RedLine, 1, status, 0.5, 0.5, [.. dimensions], [], null);

    public static StatementConsensus Statement(params ClauseConsensus[] clauses) =>
        new(Guid.NewGuid(), 1, null, false, [.. clauses]);
}
