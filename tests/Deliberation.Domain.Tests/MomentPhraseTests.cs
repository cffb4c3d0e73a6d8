using System.Collections.Immutable;
using System.Globalization;
using CsCheck;
using Deliberation.Contracts.Review;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>
/// A key moment's words as data (docs/api.md, "Review"): every moment and status change carries its
/// phrase, the phrase read in English is the moment's Summary (and a status change's Detail) word for
/// word, so API readers see nothing change, and read in Chinese it is Chinese.
/// </summary>
public sealed class MomentPhraseTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    [Fact]
    public void Every_moments_phrase_in_English_is_its_summary_and_every_sentence_is_met()
    {
        var seen = new HashSet<string>();
        var statuses = new HashSet<ClauseStatus>();
        void Check(DialogueBuilder dialogue)
        {
            var trace = new ReviewTrace(dialogue.DialogueId, dialogue.StatementId);
            trace.Advance(dialogue.Scope, 0);
            foreach (var moment in trace.Moments)
            {
                var phrase = Assert.IsType<MomentPhrase>(moment.Phrase);
                Assert.Equal(moment.Summary, MomentPhrases.Render(phrase, English));
                seen.Add(phrase.Key);
            }
            foreach (var standing in trace.Live.Concat(trace.Released))
            {
                var phrase = Assert.IsType<MomentPhrase>(standing.Phrase);
                Assert.Equal(standing.Summary, MomentPhrases.Render(phrase, English));
                Assert.Equal(standing.Detail, standing.DetailPhrase is { } detail ? MomentPhrases.Render(detail, English) : null);
                seen.Add(phrase.Key);
                if (standing.DetailPhrase is { } d)
                    seen.Add(d.Key);
                statuses.UnionWith(standing.Rows.Select(r => r.Status));
            }
        }

        Check(SignedStory());
        Gen.Select(RandomRoom.Seats, RandomRoom.Rule, RandomRoom.Ops)
            .Sample((seats, rule, ops) => Check(ReviewPropertyTests.History(seats, rule, ops)), iter: 200);

        // Not vacuous: each sentence of the table was written by the domain and read back, NearConsensus among the statuses.
        Assert.Empty(MomentPhraseKeys.All.Except(seen));
        Assert.Contains(ClauseStatus.NearConsensus, statuses);
    }

    [Fact]
    public void Phases_and_release_triggers_read_in_English_as_the_domain_writes_them()
    {
        foreach (var phase in Enum.GetValues<Phase>())
            Assert.Equal($"Phase: {phase} → {phase}", MomentPhrases.Render(MomentPhrase.Of(MomentPhraseKeys.Phase, null, phase.ToString(), phase.ToString()), English));
        foreach (var trigger in Enum.GetValues<ReleaseTrigger>())
            Assert.Equal($"Clause 2: figures released ({trigger})", MomentPhrases.Render(MomentPhrase.Of(MomentPhraseKeys.FiguresReleased, 2, trigger.ToString()), English));
    }

    [Fact]
    public void A_revision_a_phase_and_a_status_change_read_in_Chinese()
    {
        Assert.Equal("第 3 条已修订（实质性），第 2 版", MomentPhrases.Render(MomentPhrase.Of(MomentPhraseKeys.RevisedSubstantive, 3, "2"), Chinese));
        Assert.Equal("阶段：起草 → 终读", MomentPhrases.Render(MomentPhrase.Of(MomentPhraseKeys.Phase, null, "Drafting", "FinalReading"), Chinese));
        Assert.Equal("第 2 条：有争议 → 已达成一致", MomentPhrases.Render(MomentPhrase.Of(MomentPhraseKeys.StatusChanged, 2, "Contested", "Agreed"), Chinese));
        var changes = new MomentPhrase(MomentPhraseKeys.Changes, 2, [],
            [new GroupStatusChange("Region/China", ClauseStatus.Pending, ClauseStatus.Agreed), new GroupStatusChange("Sector/Industry", null, ClauseStatus.Contested)],
            new ZoneChange([], [new ValueInterval(10, 20)]));
        Assert.Equal("Region/China：待定 → 已达成一致；Sector/Industry：新增 → 有争议；共识区间：无 → 10–20", MomentPhrases.Render(changes, Chinese));
        Assert.Equal("Region/China: Pending → Agreed; Sector/Industry: new → Contested; zone of agreement: none → 10–20", MomentPhrases.Render(changes, English));
        Assert.Equal("某条款已撤回", MomentPhrases.Render(MomentPhrase.Of(MomentPhraseKeys.ClauseWithdrawn, null), Chinese));
    }

    [Fact]
    public void A_trace_stored_before_moments_had_phrases_is_not_found_under_the_new_key()
    {
        // An older trace's moments have no phrase; read, they would show English to every reader.
        var statementId = Guid.NewGuid();
        Assert.NotEqual($"review-trace-{statementId:N}", ReviewTraceSnapshot.KeyOf(statementId));
        Assert.StartsWith("review-trace-", ReviewTraceSnapshot.KeyOf(statementId), StringComparison.Ordinal);
    }

    /// <summary>A statement that is revised, frozen, signed and has a signature withdrawn.</summary>
    private static DialogueBuilder SignedStory()
    {
        var dialogue = new DialogueBuilder(statementTitle: "A statement");
        var signer = dialogue.AddMember(region: DialogueBuilder.China, sector: DialogueBuilder.Academia, name: "Andrew Yao");
        dialogue.Clause("AI safety is a global public good.", ClauseKind.Preamble);
        dialogue.InPhase(Phase.FinalReading);
        dialogue.Must(dialogue.Freeze(), dialogue.Facilitator);
        dialogue.InPhase(Phase.Signing);
        dialogue.Must(new Sign("Tsinghua University", SignatureCapacity.Personal, dialogue.Statement.Frozen!.Hash), signer);
        dialogue.Must(new WithdrawSignature("changed my mind"), signer);
        return dialogue;
    }
}
