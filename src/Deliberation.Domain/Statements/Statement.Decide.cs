using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Statements;

/// <summary>The statement decider. It reads the dialogue's roster, rules and phase but never changes them.</summary>
public static partial class Statement
{
    public static Decision<StatementEvent> Decide(StatementState state, StatementCommand command, DialogueState dialogue, Guid actor, DateTimeOffset now)
    {
        if (!dialogue.Exists)
            return RuleError.NotFound("dialogue.not-found", "There is no such dialogue.");
        if (dialogue.MemberOrNull(actor) is not { } member)
            return RuleError.Forbidden("dialogue.not-a-member", "Only members of this dialogue may act in it.");
        if (command is CreateStatement create)
            return DecideCreate(state, create, member);
        if (!state.Exists)
            return RuleError.NotFound("statement.not-found", "There is no such statement.");
        if (!member.Role.Acts())
            return RuleError.Forbidden("role.observer", "Observers watch; they do not act.");
        // Showing the room what is already decided changes no text: it goes on after freezing and closing.
        if (command is ReleaseFigures release)
            return DecideRelease(state, release, dialogue, member);
        if (dialogue.Phase == Phase.Closed)
            return RuleError.Conflict("phase.closed", "The dialogue is closed.");
        if (state.Frozen is not null && command is not (Sign or WithdrawSignature))
            return RuleError.Conflict("statement.frozen", "The text is frozen; it can only be signed.");

        return command switch
        {
            ProposeClause c => MayEditText(dialogue, member) ?? DecideProposeClause(state, c),
            ReviseClause c => MayEditText(dialogue, member) ?? DecideRevise(state, c),
            WithdrawClause c => Chair(member) ?? InPhase(dialogue, Phases.AllowsEditing, "edited") ?? DecideWithdraw(state, c),
            AddAlternative c => InPhase(dialogue, p => p.AllowsAmendments() || p.AllowsEditing(), "amended") ?? DecideAddAlternative(state, c),
            ResolveAlternative c => Chair(member) ?? InPhase(dialogue, Phases.AllowsResolution, "resolved") ?? DecideResolve(state, c),
            TakePosition c => DecideTakePosition(state, c, dialogue, member),
            StateRange c => DecideStateRange(state, c, dialogue, member),
            TranslateClause c => Translator(member) ?? DecideTranslateClause(state, c, dialogue),
            TranslateOption c => Translator(member) ?? DecideTranslateOption(state, c, dialogue),
            ProposeAmendment c => InPhase(dialogue, Phases.AllowsAmendments, "amended") ?? DecideProposeAmendment(state, c),
            DecideAmendment c => MayEditText(dialogue, member) ?? DecideAmendmentOutcome(state, c),
            FreezeStatement c => Chair(member) ?? InPhase(dialogue, Phases.AllowsFreezing, "frozen") ?? DecideFreeze(state, c, dialogue),
            Sign c => InPhase(dialogue, Phases.AllowsSigning, "signed") ?? DecideSign(state, c, member),
            WithdrawSignature c => DecideWithdrawSignature(state, c, actor),
            RecordImportedPositions c => Organiser(member) ?? InPhase(dialogue, Phases.AllowsPositions, "given positions") ?? DecideImport(state, c, dialogue),
            _ => RuleError.Invalid("command.unknown", $"The statement does not handle {command.GetType().Name}."),
        };
    }

    private static RuleError? Chair(Member member) => member.Role.Chairs()
        ? null : RuleError.Forbidden("role.not-facilitator", "Only the facilitator may do this.");

    private static RuleError? Organiser(Member member) => member.Role.Organises()
        ? null : RuleError.Forbidden("role.not-organiser", "Only a convener or facilitator may do this.");

    private static RuleError? InPhase(DialogueState dialogue, Func<Phase, bool> allows, string what) => allows(dialogue.Phase)
        ? null : RuleError.Conflict("phase.not-allowed", $"The text cannot be {what} during {dialogue.Phase}.");

    private static Decision<StatementEvent> DecideCreate(StatementState state, CreateStatement c, Member member)
    {
        if (state.Exists)
            return RuleError.Conflict("statement.exists", "The statement exists already.");
        if (Organiser(member) is { } forbidden)
            return forbidden;
        return Check.Text(c.Title, "title", Limits.TitleLength) is { } error
            ? error
            : Decision<StatementEvent>.Accept(new StatementCreated(c.StatementId, c.DialogueId, Check.Clean(c.Title)));
    }

    private static RuleError? ClauseText(string text) =>
        Check.Text(text, "text", Limits.ClauseTextLength) ?? BracketedText.Parse(Check.Clean(text)).Validate();

    private static Decision<StatementEvent> DecideProposeClause(StatementState state, ProposeClause c)
    {
        if (state.Clauses.ContainsKey(c.ClauseId))
            return RuleError.Conflict("clause.exists", "That clause exists already.");
        if (state.Clauses.Count >= Limits.ClausesPerStatement)
            return RuleError.Invalid("clause.too-many", $"A statement holds at most {Limits.ClausesPerStatement} clauses.");
        if (!Enum.IsDefined(c.Kind))
            return RuleError.Invalid("clause.unknown-kind", "There is no such kind of clause.");
        if (c.After is { } after && !state.Clauses.ContainsKey(after))
            return RuleError.NotFound("clause.not-found", "The clause to insert after does not exist.");
        var error = ClauseText(c.Text)
            ?? Check.Text(c.ExternalId, "externalId", Limits.ShortTextLength, required: false)
            ?? Check.Text(c.Rationale, "rationale", Limits.RationaleLength, required: false)
            ?? c.Parameter?.Validate();
        if (error is not null)
            return error;
        var parameter = c.Kind == ClauseKind.FundingFloor ? c.Parameter ?? NumericParameter.ShareOfResearch : c.Parameter;
        return Decision<StatementEvent>.Accept(new ClauseAdded(c.ClauseId, c.Kind, Check.Clean(c.Text), Check.CleanOptional(c.ExternalId), parameter, c.After, Check.CleanOptional(c.Rationale)));
    }

    private static Decision<StatementEvent> DecideRevise(StatementState state, ReviseClause c)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause)
            return ClauseNotFound;
        if (clause.Withdrawn)
            return RuleError.Conflict("clause.withdrawn", "The clause was withdrawn.");
        if (c.BaseRevision != clause.CurrentRevision)
            return StaleBase(clause, c.BaseRevision);
        var error = ClauseText(c.Text) ?? Check.Text(c.Rationale, "rationale", Limits.RationaleLength, required: false);
        if (error is not null)
            return error;
        var text = Check.Clean(c.Text);
        if (text == clause.Text)
            return RuleError.Invalid("revision.unchanged", "The new text is the same as the current text.");
        return Decision<StatementEvent>.Accept(new ClauseRevised(c.ClauseId, clause.CurrentRevision + 1, c.BaseRevision, text, c.Kind, RevisionSource.Edit, Check.CleanOptional(c.Rationale), null, null));
    }

    private static Decision<StatementEvent> DecideWithdraw(StatementState state, WithdrawClause c)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause)
            return ClauseNotFound;
        if (clause.Withdrawn)
            return RuleError.Conflict("clause.withdrawn", "The clause was withdrawn already.");
        return Check.Text(c.Reason, "reason", Limits.RationaleLength, required: false) is { } error
            ? error
            : Decision<StatementEvent>.Accept(new ClauseWithdrawn(c.ClauseId, Check.CleanOptional(c.Reason)));
    }

    private static Decision<StatementEvent> DecideAddAlternative(StatementState state, AddAlternative c)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause || clause.Withdrawn)
            return ClauseNotFound;
        if (c.BaseRevision != clause.CurrentRevision)
            return StaleBase(clause, c.BaseRevision);
        if (Check.Text(c.Text, "text", Limits.ShortTextLength) is { } error)
            return error;
        var option = Check.Clean(c.Text);
        if (option.Contains('|') || option.Contains('[') || option.Contains(']'))
            return RuleError.Invalid("alternative.bad-characters", "An option cannot contain '[', ']' or '|'.");
        var bracketed = clause.Bracketed;
        string text;
        RevisionKind kind;
        if (c.Slot is { } slot)
        {
            if (bracketed.Slots.FirstOrDefault(s => s.Number == slot) is not { } existing)
                return RuleError.NotFound("alternative.slot-not-found", $"The clause has no bracket {slot}.");
            if (existing.Options.Any(o => o.Text == option))
                return RuleError.Conflict("alternative.exists", "That option is in the bracket already.");
            text = bracketed.WithOption(slot, option);
            // Appending keeps every existing option's id, so positions on them stay meaningful.
            kind = RevisionKind.Editorial;
        }
        else
        {
            var phrase = Check.CleanOptional(c.Phrase);
            if (phrase is null || phrase.Contains('|') || phrase.Contains('['))
                return RuleError.Invalid("alternative.phrase-required", "Name the bracket to add to, or a phrase of the text to bracket.");
            var literalAt = bracketed.Render().IndexOf(phrase, StringComparison.Ordinal);
            if (literalAt < 0 || bracketed.Slots.Any() && InsideSlot(bracketed, literalAt, phrase.Length))
                return RuleError.NotFound("alternative.phrase-not-found", $"The clause text does not contain \"{phrase}\" outside a bracket.");
            var rendered = bracketed.Render();
            text = rendered[..literalAt] + "[" + phrase + " | " + option + "]" + rendered[(literalAt + phrase.Length)..];
            // A new bracket renumbers the ones after it: positions on options must be given again.
            kind = RevisionKind.Substantive;
        }
        if (Check.TooLong(text, "text", Limits.ClauseTextLength) is { } tooLong)
            return tooLong;
        return Decision<StatementEvent>.Accept(new ClauseRevised(c.ClauseId, clause.CurrentRevision + 1, c.BaseRevision, text, kind, RevisionSource.Alternative, $"Alternative: {option}", null, null));
    }

    private static bool InsideSlot(BracketedText text, int at, int length)
    {
        var offset = 0;
        foreach (var part in text.Parts)
        {
            var width = part is LiteralPart l ? l.Text.Length : new BracketedText([part]).Render().Length;
            if (part is SlotPart && at < offset + width && at + length > offset)
                return true;
            offset += width;
        }
        return false;
    }

    private static Decision<StatementEvent> DecideResolve(StatementState state, ResolveAlternative c)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause || clause.Withdrawn)
            return ClauseNotFound;
        var bracketed = clause.Bracketed;
        if (bracketed.Option(c.OptionId) is not { } option)
            return RuleError.NotFound("alternative.not-found", $"The clause has no option {c.OptionId}.");
        var text = bracketed.Resolve(c.OptionId);
        return Decision<StatementEvent>.Accept(new ClauseRevised(c.ClauseId, clause.CurrentRevision + 1, clause.CurrentRevision, text, c.Kind, RevisionSource.Resolution,
            Check.CleanOptional(c.Rationale) ?? $"Resolved to \"{option.Text}\"", c.OptionId, null));
    }

    private static RuleError? Voter(DialogueState dialogue, Member member, ClauseState clause) =>
        member.Role.MayTakePositions(dialogue.Rules.For(clause.Kind).FacilitatorsVote)
            ? null
            : RuleError.Forbidden("role.cannot-take-positions", $"A {member.Role} does not take positions in this dialogue.");

    private static RuleError? PositionRevision(ClauseState clause, int revision)
    {
        if (revision < 1 || revision > clause.CurrentRevision)
            return RuleError.Invalid("revision.unknown", $"The clause has no revision {revision}.");
        return revision < clause.CountingSince
            ? RuleError.Conflict("position.stale-revision", $"The clause changed substantively since revision {revision}; read revision {clause.CurrentRevision} first.")
            : null;
    }

    private static Decision<StatementEvent> DecideTakePosition(StatementState state, TakePosition c, DialogueState dialogue, Member member)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause || clause.Withdrawn)
            return ClauseNotFound;
        if (!Enum.IsDefined(c.Position))
            return RuleError.Invalid("position.unknown", "A position is Support, Accept, StandAside, Oppose or Block.");
        var error = InPhase(dialogue, Phases.AllowsPositions, "given positions")
            ?? Voter(dialogue, member, clause)
            ?? PositionRevision(clause, c.Revision)
            ?? Check.Text(c.Note, "note", Limits.NoteLength, required: false);
        if (error is not null)
            return error;
        if (c.OptionId is not null && clause.Bracketed.Option(c.OptionId) is null)
            return RuleError.NotFound("alternative.not-found", $"The clause has no option {c.OptionId}.");
        return Decision<StatementEvent>.Accept(new PositionTaken(member.ParticipantId, c.ClauseId, c.OptionId, clause.CurrentRevision, c.Position, Check.CleanOptional(c.Note)));
    }

    private static Decision<StatementEvent> DecideStateRange(StatementState state, StateRange c, DialogueState dialogue, Member member)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause || clause.Withdrawn)
            return ClauseNotFound;
        if (clause.Parameter is not { } parameter)
            return RuleError.Invalid("range.not-a-parameter", "Only a clause with a numeric parameter takes ranges.");
        var error = InPhase(dialogue, Phases.AllowsPositions, "given positions")
            ?? Voter(dialogue, member, clause)
            ?? PositionRevision(clause, c.Revision);
        if (error is not null)
            return error;
        if (!double.IsFinite(c.Low) || !double.IsFinite(c.High) || c.Low > c.High)
            return RuleError.Invalid("range.reversed", "The low end of a range must not be above its high end.");
        if (c.Low < parameter.Min || c.High > parameter.Max)
            return RuleError.Invalid("range.out-of-bounds", $"A range must lie within {parameter.Min}–{parameter.Max}{parameter.Unit}.");
        return Decision<StatementEvent>.Accept(new RangeStated(member.ParticipantId, c.ClauseId, clause.CurrentRevision, c.Low, c.High));
    }

    private static Decision<StatementEvent> DecideProposeAmendment(StatementState state, ProposeAmendment c)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause || clause.Withdrawn)
            return ClauseNotFound;
        if (state.Amendments.ContainsKey(c.AmendmentId))
            return RuleError.Conflict("amendment.exists", "That amendment exists already.");
        if (c.BaseRevision < 1 || c.BaseRevision > clause.CurrentRevision)
            return RuleError.Invalid("revision.unknown", $"The clause has no revision {c.BaseRevision}.");
        var error = ClauseText(c.Text) ?? Check.Text(c.Rationale, "rationale", Limits.RationaleLength, required: false);
        if (error is not null)
            return error;
        var text = Check.Clean(c.Text);
        return text == clause.Text
            ? RuleError.Invalid("amendment.unchanged", "The amendment proposes the current text.")
            : Decision<StatementEvent>.Accept(new AmendmentProposed(c.AmendmentId, c.ClauseId, c.BaseRevision, text, Check.CleanOptional(c.Rationale)));
    }

    private static Decision<StatementEvent> DecideAmendmentOutcome(StatementState state, DecideAmendment c)
    {
        if (!state.Amendments.TryGetValue(c.AmendmentId, out var amendment))
            return RuleError.NotFound("amendment.not-found", "There is no such amendment.");
        if (amendment.Status != AmendmentStatus.Proposed)
            return RuleError.Conflict("amendment.decided", $"The amendment was {amendment.Status.ToString().ToLowerInvariant()} already.");
        if (Check.Text(c.Reason, "reason", Limits.RationaleLength, required: !c.Accept) is { } error)
            return error;
        var reason = Check.CleanOptional(c.Reason);
        if (!c.Accept)
            return Decision<StatementEvent>.Accept(new AmendmentDeclined(c.AmendmentId, reason!));
        var clause = state.Clauses[amendment.ClauseId];
        if (clause.Withdrawn)
            return RuleError.Conflict("clause.withdrawn", "The clause was withdrawn.");
        // An amendment written against an older revision would silently undo the edits since: the rapporteur merges by hand.
        if (amendment.BaseRevision != clause.CurrentRevision)
            return RuleError.Conflict("amendment.stale-base", $"The amendment was written against revision {amendment.BaseRevision}; the clause is at {clause.CurrentRevision}. Revise the clause with a merged text instead.");
        return Decision<StatementEvent>.Accept(
            new AmendmentAccepted(c.AmendmentId, reason),
            new ClauseRevised(clause.Id, clause.CurrentRevision + 1, clause.CurrentRevision, amendment.Text, c.Kind, RevisionSource.Amendment, amendment.Rationale ?? reason, null, amendment.Id));
    }

    private static Decision<StatementEvent> DecideFreeze(StatementState state, FreezeStatement c, DialogueState dialogue)
    {
        // The heads must be the streams as this decision sees them: the statement's head is the last
        // event before the freeze, and the dialogue's is the roster, rules and phase it was judged on.
        if (c.Heads is not { } heads)
            return RuleError.Invalid("freeze.heads-missing", "A frozen text binds the history heads; the server fills them in when it freezes.");
        if (heads.Statement.StreamId != StreamIds.Statement(state.Id) || heads.Statement.Version != state.Version
            || heads.Dialogue.StreamId != StreamIds.Dialogue(dialogue.Id) || heads.Dialogue.Version != dialogue.Version)
            return RuleError.Conflict("freeze.heads-stale", "The history heads are not the streams' current heads; try again.");
        var open = state.OrderedClauses.FirstOrDefault(c => !c.Withdrawn && c.Bracketed.HasSlots);
        if (open is not null)
            return RuleError.Conflict("freeze.open-brackets", "Every bracket must be resolved before the text is frozen.");
        if (!state.Clauses.Values.Any(c => !c.Withdrawn))
            return RuleError.Conflict("freeze.empty", "There is no text to freeze.");
        var languages = dialogue.Languages;
        foreach (var language in languages.AuthenticTranslations)
        {
            var behind = state.OrderedClauses.Where(c => !c.Withdrawn).Select((clause, i) => (clause, n: i + 1))
                .FirstOrDefault(x => x.clause.TranslationStatus(language).BlocksFreezing());
            if (behind.clause is not null)
                return RuleError.Conflict("freeze.stale-translation",
                    $"The {language} text of clause {behind.n} is {behind.clause.TranslationStatus(language).ToString().ToLowerInvariant()}; every authentic text must be current before the text is frozen.");
        }
        var text = CanonicalText.Of(state, heads, languages.Authentic);
        return Decision<StatementEvent>.Accept(new StatementFrozen(text, CanonicalText.Hash(text), heads));
    }

    private static Decision<StatementEvent> DecideSign(StatementState state, Sign c, Member member)
    {
        if (state.Frozen is not { } frozen)
            return RuleError.Conflict("sign.not-frozen", "Only a frozen text can be signed.");
        if (member.Role is Role.Observer)
            return RuleError.Forbidden("role.observer", "Observers do not sign.");
        if (!string.Equals(c.TextHash, frozen.Hash, StringComparison.OrdinalIgnoreCase))
            return RuleError.Conflict("sign.hash-mismatch", "The text you were shown is not the frozen text; reload it before signing.");
        if (state.Signatures.ContainsKey(member.ParticipantId))
            return RuleError.Conflict("sign.already-signed", "You have signed already.");
        if (!Enum.IsDefined(c.Capacity))
            return RuleError.Invalid("sign.unknown-capacity", "Sign in a personal or an institutional capacity.");
        // A signature is a member's act: her name comes from the roster, which an organiser corrects.
        var error = Check.Text(c.Affiliation, "affiliation", Limits.ShortTextLength, required: false);
        return error ?? (Decision<StatementEvent>)Decision<StatementEvent>.Accept(new StatementSigned(member.DisplayName, Check.CleanOptional(c.Affiliation), c.Capacity, frozen.Hash));
    }

    private static Decision<StatementEvent> DecideWithdrawSignature(StatementState state, WithdrawSignature c, Guid actor)
    {
        if (!state.Signatures.ContainsKey(actor))
            return RuleError.Conflict("sign.not-signed", "You have not signed.");
        return Check.Text(c.Reason, "reason", Limits.RationaleLength, required: false) is { } error
            ? error
            : Decision<StatementEvent>.Accept(new SignatureWithdrawn(Check.CleanOptional(c.Reason)));
    }

    /// <remarks>
    /// Imported positions are an import's own history, never a way to vote in someone's name: a
    /// statement takes them only before anyone has taken a position on it — in practice inside the
    /// import's batch that creates it (docs/security.md, "Imports"). The command API refuses the
    /// command outright (<c>command.import-only</c>).
    /// </remarks>
    private static Decision<StatementEvent> DecideImport(StatementState state, RecordImportedPositions c, DialogueState dialogue)
    {
        if (state.Clauses.Values.Any(clause => !clause.Positions.IsEmpty))
            return RuleError.Conflict("import.statement-live", "Positions are imported only into a statement nobody has taken a position on.");
        var events = new List<StatementEvent>(c.Positions.Length);
        foreach (var p in c.Positions)
        {
            // Withdrawn clauses too: Pol.is keeps the votes on comments its moderator rejected, and
            // their group-informed consensus must survive the import (docs/consensus.md, "Group-aware consensus").
            if (state.ClauseOrNull(p.ClauseId) is not { } clause)
                return ClauseNotFound;
            if (dialogue.MemberOrNull(p.ParticipantId) is not { } voter)
                return RuleError.NotFound("member.not-found", "An imported position names someone who is not a member.");
            if (Voter(dialogue, voter, clause) is { } error)
                return error;
            if (!Enum.IsDefined(p.Position))
                return RuleError.Invalid("position.unknown", "A position is Support, Accept, StandAside, Oppose or Block.");
            events.Add(new PositionTaken(p.ParticipantId, p.ClauseId, null, clause.CurrentRevision, p.Position, null));
        }
        return Decision<StatementEvent>.Accept(events);
    }

    private static RuleError ClauseNotFound => RuleError.NotFound("clause.not-found", "There is no such clause.");

    private static RuleError StaleBase(ClauseState clause, int baseRevision) => RuleError.Conflict("revision.stale-base",
        $"The clause is at revision {clause.CurrentRevision}, not {baseRevision}: someone committed first. Merge your text with theirs.");
}
