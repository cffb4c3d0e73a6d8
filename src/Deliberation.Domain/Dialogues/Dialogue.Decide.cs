using System.Collections.Immutable;
using Deliberation.Domain.Languages;

namespace Deliberation.Domain.Dialogues;

/// <summary>The dialogue decider: pure functions from state and command to events, and from state and event to state.</summary>
public static partial class Dialogue
{
    /// <summary>Judges a command by <paramref name="actor"/> at <paramref name="now"/>: the events it produces, or the rule it breaks.</summary>
    public static Decision<DialogueEvent> Decide(DialogueState state, DialogueCommand command, Guid actor, DateTimeOffset now)
    {
        if (command is CreateDialogue create)
            return DecideCreate(state, create, actor);
        if (!state.Exists)
            return RuleError.NotFound("dialogue.not-found", "There is no such dialogue.");
        if (state.MemberOrNull(actor) is not { } member)
            return RuleError.Forbidden("dialogue.not-a-member", "Only members of this dialogue may act in it.");
        if (state.Phase == Phase.Closed && command is not (SetPhase or RevokeInvite))
            return RuleError.Conflict("phase.closed", "The dialogue is closed.");

        return command switch
        {
            ChangeSettings c => Organiser(member) ?? DecideSettings(state, c),
            DefineDimensions c => Organiser(member) ?? DecideDimensions(state, c),
            ChangeConsensusRules c => Organiser(member) ?? DecideRules(state, c.Rules),
            AddMember c => Organiser(member) ?? DecideAddMember(state, c.Member),
            UpdateMember c => Organiser(member) ?? DecideUpdateMember(state, c.Member, actor),
            RemoveMember c => Organiser(member) ?? DecideRemoveMember(state, c, actor),
            IssueInvite c => Organiser(member) ?? DecideIssueInvite(state, c, now),
            RevokeInvite c => Organiser(member) ?? DecideRevokeInvite(state, c),
            SetPhase c => Chair(member) ?? DecideSetPhase(state, c),
            AddAgendaItem c => Chair(member) ?? DecideAddAgendaItem(state, c),
            RemoveAgendaItem c => Chair(member) ?? (state.Agenda.Any(i => i.Id == c.ItemId)
                ? Decision<DialogueEvent>.Accept(new AgendaItemRemoved(c.ItemId))
                : AgendaItemNotFound),
            ChangeAgendaItem c => Chair(member) ?? DecideChangeAgendaItem(state, c),
            MoveAgendaItem c => Chair(member) ?? DecideMoveAgendaItem(state, c),
            SetCurrentAgendaItem c => Chair(member) ?? DecideSetCurrentAgendaItem(state, c, now),
            SetFocus c => Chair(member) ?? DecideSetFocus(state, c),
            RaiseHand => DecideRaiseHand(state, member),
            LowerHand c => DecideLowerHand(state, member, c),
            StartTimer c => Chair(member) ?? DecideStartTimer(state, c, now),
            StopTimer => Chair(member) ?? (state.Timer is null
                ? RuleError.Conflict("timer.not-running", "No timer is running.")
                : Decision<DialogueEvent>.Accept(new TimerStopped())),
            AddStatement c => Organiser(member) ?? DecideAddStatement(state, c),
            PinGlossaryTerm c => Drafter(member) ?? DecidePinGlossaryTerm(state, c),
            UnpinGlossaryTerm c => Drafter(member) ?? (state.Glossary.ContainsKey(c.TermId)
                ? Decision<DialogueEvent>.Accept(new GlossaryTermUnpinned(c.TermId))
                : RuleError.NotFound("glossary.term-not-found", "There is no such glossary term.")),
            _ => RuleError.Invalid("command.unknown", $"The dialogue does not handle {command.GetType().Name}."),
        };
    }

    private static RuleError? Organiser(Member member) => member.Role.Organises()
        ? null : RuleError.Forbidden("role.not-organiser", "Only a convener or facilitator may do this.");

    private static RuleError? Chair(Member member) => member.Role.Chairs()
        ? null : RuleError.Forbidden("role.not-facilitator", "Only the facilitator may do this.");

    private static Decision<DialogueEvent> DecideCreate(DialogueState state, CreateDialogue c, Guid actor)
    {
        if (state.Exists)
            return RuleError.Conflict("dialogue.exists", "The dialogue already exists.");
        var error = c.Settings.Validate()
            ?? ValidateDimensions(c.Dimensions)
            ?? Check.Text(c.ConvenerName, "name", Limits.NameLength)
            ?? Check.Text(c.ConvenerAffiliation, "affiliation", Limits.ShortTextLength, required: false);
        if (error is not null)
            return error;
        var dimensions = CleanDimensions(c.Dimensions);
        var rules = c.Rules ?? ConsensusRules.Standard;
        if (ValidateRules(rules, dimensions) is { } ruleError)
            return ruleError;
        var convener = new Member(actor, Check.Clean(c.ConvenerName), Check.CleanOptional(c.ConvenerAffiliation), Role.Convener, ImmutableDictionary<string, string>.Empty);
        return Decision<DialogueEvent>.Accept(new DialogueCreated(c.DialogueId, c.Settings.Cleaned(), dimensions, rules, convener));
    }

    private static Decision<DialogueEvent> DecideSettings(DialogueState state, ChangeSettings c)
    {
        if (c.Settings.Validate() is { } error)
            return error;
        // A position was given under the mode of its moment; a laxer mode later would show it to
        // people it was not meant for (docs/domain.md, "Modes only become stricter").
        if (state.PositionsOpened && Strictness(c.Settings.Confidentiality) < Strictness(state.Settings.Confidentiality))
            return RuleError.Conflict("dialogue.mode-only-stricter",
                $"Positions have been taken under {state.Settings.Confidentiality}; the mode can only become stricter now, not {c.Settings.Confidentiality}.");
        var cleaned = c.Settings.Cleaned();
        if (c.TranslationsExist && WorkingLanguages.Of(state.Settings).FixedBy(WorkingLanguages.Of(cleaned)) is { } fixedError)
            return fixedError;
        return Decision<DialogueEvent>.Accept(new DialogueSettingsChanged(cleaned));
    }

    /// <summary>Attributed shows names to all, Chatham House to the chairs, Anonymous to nobody.</summary>
    private static int Strictness(ConfidentialityMode mode) => mode switch
    {
        ConfidentialityMode.Attributed => 0,
        ConfidentialityMode.ChathamHouse => 1,
        _ => 2,
    };

    private static Decision<DialogueEvent> DecideDimensions(DialogueState state, DefineDimensions c)
    {
        // Groups are what positions are counted by; changing them mid-dialogue would rewrite the matrix.
        if (state.Phase != Phase.Setup)
            return RuleError.Conflict("phase.dimensions-fixed", "Stakeholder dimensions can only be changed during Setup.");
        if (ValidateDimensions(c.Dimensions) is { } error)
            return error;
        var dimensions = CleanDimensions(c.Dimensions);
        var orphan = state.Roster.Values.SelectMany(m => m.Groups).FirstOrDefault(g =>
            dimensions.FirstOrDefault(d => d.Name == g.Key) is not { } d || !d.Groups.Contains(g.Value));
        if (orphan.Key is not null)
            return RuleError.Conflict("dimension.in-use", $"Members still belong to {orphan.Key} = {orphan.Value}; move them first.");
        var rulesError = ValidateRules(state.Rules, dimensions);
        return rulesError ?? Decision<DialogueEvent>.Accept(new DimensionsDefined(dimensions));
    }

    private static Decision<DialogueEvent> DecideRules(DialogueState state, ConsensusRules rules) =>
        ValidateRules(rules, state.Dimensions) is { } error ? error : Decision<DialogueEvent>.Accept(new ConsensusRulesChanged(rules));

    private static Decision<DialogueEvent> DecideAddMember(DialogueState state, Member member)
    {
        if (state.Roster.ContainsKey(member.ParticipantId))
            return RuleError.Conflict("member.exists", "That participant is already a member.");
        if (Full(state, member.IsImported))
            return member.IsImported
                ? RuleError.Invalid("roster.too-large", $"A dialogue holds at most {Limits.ImportedMembers} imported members.")
                : RuleError.Invalid("roster.too-large", $"A dialogue holds at most {Limits.RosterSize} invited members.");
        return ValidateMember(state, member) is { } error ? error : Decision<DialogueEvent>.Accept(new MemberAdded(CleanMember(member)));
    }

    /// <summary>
    /// Invited and imported members are bounded apart (docs/domain.md, "Roster"). Counted only once the
    /// whole roster reaches the limit: adding to a roster below it costs nothing, however many are added.
    /// </summary>
    private static bool Full(DialogueState state, bool imported)
    {
        var limit = imported ? Limits.ImportedMembers : Limits.RosterSize;
        return state.Roster.Count >= limit && state.Roster.Values.Count(m => m.IsImported == imported) >= limit;
    }

    private static Decision<DialogueEvent> DecideUpdateMember(DialogueState state, Member member, Guid actor)
    {
        if (!state.Roster.TryGetValue(member.ParticipantId, out var current))
            return RuleError.NotFound("member.not-found", "There is no such member.");
        // Others cannot be removed or demoted into an empty chair by an organiser, who stays one;
        // only demoting yourself can leave the dialogue with nobody to run it.
        if (member.ParticipantId == actor && current.Role.Organises() && !member.Role.Organises()
            && !state.Roster.Values.Any(m => m.ParticipantId != actor && m.Role.Organises()))
            return RuleError.Conflict("roster.last-organiser", "A dialogue keeps at least one convener or facilitator; appoint another before changing your own role.");
        // The id a participant had in the tool she was imported from outlives an edit that does not name it.
        var updated = member with { ExternalId = member.ExternalId ?? current.ExternalId };
        return ValidateMember(state, updated) is { } error ? error : Decision<DialogueEvent>.Accept(new MemberUpdated(CleanMember(updated)));
    }

    private static Decision<DialogueEvent> DecideRemoveMember(DialogueState state, RemoveMember c, Guid actor)
    {
        if (!state.Roster.ContainsKey(c.ParticipantId))
            return RuleError.NotFound("member.not-found", "There is no such member.");
        if (c.ParticipantId == actor)
            return RuleError.Conflict("member.cannot-remove-self", "You cannot remove yourself; ask another organiser.");
        var events = new List<DialogueEvent> { new MemberRemoved(c.ParticipantId) };
        events.AddRange(state.Invites.Where(i => i.Value == c.ParticipantId).Select(i => new InviteRevoked(i.Key)));
        return Decision<DialogueEvent>.Accept(events);
    }

    private static Decision<DialogueEvent> DecideIssueInvite(DialogueState state, IssueInvite c, DateTimeOffset now)
    {
        if (!state.Roster.ContainsKey(c.ParticipantId))
            return RuleError.NotFound("member.not-found", "Invites are issued to members; add the participant first.");
        if (c.CodeHash.Length != 64 || !c.CodeHash.All(Uri.IsHexDigit))
            return RuleError.Invalid("invite.bad-hash", "An invite is stored by the hex SHA-256 of its code.");
        if (c.ExpiresAt <= now)
            return RuleError.Invalid("invite.expired", "An invite must expire in the future.");
        // A minute's grace: the edge computes the expiry a moment before the grain judges it.
        if (c.ExpiresAt > now.AddDays(state.Settings.InviteLifetimeDays).AddMinutes(1))
            return RuleError.Invalid("invite.expiry-too-late", $"Invites of this dialogue live at most {state.Settings.InviteLifetimeDays} days.");
        return state.Invites.ContainsKey(c.CodeHash)
            ? RuleError.Conflict("invite.exists", "That invite exists already.")
            : Decision<DialogueEvent>.Accept(new InviteIssued(c.ParticipantId, c.CodeHash, c.ExpiresAt));
    }

    private static Decision<DialogueEvent> DecideRevokeInvite(DialogueState state, RevokeInvite c) =>
        state.Invites.ContainsKey(c.CodeHash)
            ? Decision<DialogueEvent>.Accept(new InviteRevoked(c.CodeHash))
            : RuleError.NotFound("invite.not-found", "There is no such invite.");

    private static Decision<DialogueEvent> DecideSetPhase(DialogueState state, SetPhase c)
    {
        if (!Enum.IsDefined(c.Phase))
            return RuleError.Invalid("phase.unknown", "There is no such phase.");
        if (c.Phase == state.Phase)
            return RuleError.Conflict("phase.unchanged", $"The dialogue is already in {state.Phase}.");
        return Phases.CanMove(state.Phase, c.Phase)
            ? Decision<DialogueEvent>.Accept(new PhaseChanged(state.Phase, c.Phase))
            : RuleError.Conflict("phase.invalid-transition", $"The dialogue cannot move from {state.Phase} to {c.Phase}.");
    }

    private static RuleError AgendaItemNotFound => RuleError.NotFound("agenda.item-not-found", "There is no such agenda item.");

    private static Decision<DialogueEvent> DecideAddAgendaItem(DialogueState state, AddAgendaItem c)
    {
        if (ValidateAgendaItem(state, c.Item) is { } error)
            return error;
        if (state.Agenda.Count >= Limits.AgendaItems)
            return RuleError.Invalid("agenda.too-long", $"An agenda holds at most {Limits.AgendaItems} items.");
        return state.Agenda.Any(i => i.Id == c.Item.Id)
            ? RuleError.Conflict("agenda.item-exists", "That agenda item exists already.")
            : Decision<DialogueEvent>.Accept(new AgendaItemAdded(c.Item with { Title = Check.Clean(c.Item.Title) }));
    }

    private static Decision<DialogueEvent> DecideChangeAgendaItem(DialogueState state, ChangeAgendaItem c)
    {
        if (state.Agenda.All(i => i.Id != c.Item.Id))
            return AgendaItemNotFound;
        return ValidateAgendaItem(state, c.Item) is { } error
            ? error
            : Decision<DialogueEvent>.Accept(new AgendaItemChanged(c.Item with { Title = Check.Clean(c.Item.Title) }));
    }

    private static Decision<DialogueEvent> DecideMoveAgendaItem(DialogueState state, MoveAgendaItem c)
    {
        var from = state.Agenda.FindIndex(i => i.Id == c.ItemId);
        if (from < 0)
            return AgendaItemNotFound;
        if (c.Position < 0 || c.Position >= state.Agenda.Count)
            return RuleError.Invalid("agenda.position-out-of-range", $"An item moves to a place from 1 to {state.Agenda.Count}.");
        return c.Position == from
            ? RuleError.Conflict("agenda.item-unmoved", "The item is already in that place.")
            : Decision<DialogueEvent>.Accept(new AgendaItemMoved(c.ItemId, c.Position));
    }

    private static Decision<DialogueEvent> DecideSetCurrentAgendaItem(DialogueState state, SetCurrentAgendaItem c, DateTimeOffset now)
    {
        if (c.ItemId is not { } id)
            return state.CurrentAgendaItem is null
                ? RuleError.Conflict("agenda.no-current-item", "No agenda item is current.")
                : Decision<DialogueEvent>.Accept(new CurrentAgendaItemSet(null));
        if (state.Agenda.All(i => i.Id != id))
            return AgendaItemNotFound;
        // Refused rather than restarted: a second click on "Next item" from a slow screen must not reset the item's clock.
        if (state.CurrentAgendaItem?.ItemId == id)
            return RuleError.Conflict("agenda.already-current", "That item is already the current one.");
        // An item about a clause puts that clause on the floor too, so the projector shows the text being discussed.
        var item = state.Agenda.First(i => i.Id == id);
        var started = new CurrentAgendaItemSet(new CurrentAgendaItem(id, now));
        return item is { StatementId: { } sid, ClauseId: { } cid } && state.Focus != new Focus(sid, cid)
            ? Decision<DialogueEvent>.Accept(started, new FocusSet(new Focus(sid, cid)))
            : Decision<DialogueEvent>.Accept(started);
    }

    private static RuleError? ValidateAgendaItem(DialogueState state, AgendaItem item)
    {
        if (Check.Text(item.Title, "title", Limits.TitleLength) is { } error)
            return error;
        if (item.Minutes is < 1 or > Limits.AgendaItemMinutes)
            return RuleError.Invalid("agenda.minutes-out-of-range", $"An agenda item takes from 1 to {Limits.AgendaItemMinutes} minutes.");
        if (item.ClauseId is not null && item.StatementId is null)
            return RuleError.Invalid("agenda.clause-without-statement", "An item that covers a clause names the clause's statement too.");
        if (item.StatementId is { } sid && state.Statements.All(s => s.Id != sid))
            return RuleError.NotFound("statement.not-found", "There is no such statement.");
        return null;
    }

    private static Decision<DialogueEvent> DecideSetFocus(DialogueState state, SetFocus c)
    {
        if (c.StatementId is null || c.ClauseId is null)
            return Decision<DialogueEvent>.Accept(new FocusSet(null));
        // The clause itself lives in the statement's stream; the edge checks it exists before asking.
        return state.Statements.Any(s => s.Id == c.StatementId)
            ? Decision<DialogueEvent>.Accept(new FocusSet(new Focus(c.StatementId.Value, c.ClauseId.Value)))
            : RuleError.NotFound("statement.not-found", "There is no such statement.");
    }

    private static Decision<DialogueEvent> DecideRaiseHand(DialogueState state, Member member)
    {
        if (!member.Role.Acts())
            return RuleError.Forbidden("role.observer", "Observers do not take the floor.");
        return state.SpeakingQueue.Contains(member.ParticipantId)
            ? RuleError.Conflict("queue.hand-already-raised", "Your hand is already raised.")
            : Decision<DialogueEvent>.Accept(new HandRaised(member.ParticipantId));
    }

    private static Decision<DialogueEvent> DecideLowerHand(DialogueState state, Member member, LowerHand c)
    {
        var whose = c.ParticipantId ?? member.ParticipantId;
        if (whose != member.ParticipantId && !member.Role.Chairs())
            return RuleError.Forbidden("role.not-facilitator", "Only the facilitator may lower someone else's hand.");
        return state.SpeakingQueue.Contains(whose)
            ? Decision<DialogueEvent>.Accept(new HandLowered(whose))
            : RuleError.Conflict("queue.hand-not-raised", "That hand is not raised.");
    }

    private static Decision<DialogueEvent> DecideStartTimer(DialogueState state, StartTimer c, DateTimeOffset now)
    {
        if (!state.Phase.AllowsTimer())
            return RuleError.Conflict("timer.not-in-phase",
                $"A timer cannot be started during {state.Phase}: the text is final, and there is no debate left to timebox.");
        if (c.Seconds is < 1 or > Limits.TimerSeconds)
            return RuleError.Invalid("timer.out-of-range", "A timer runs between one second and a day.");
        if (Check.Text(c.Label, "label", Limits.ShortTextLength, required: false) is { } error)
            return error;
        var label = Check.CleanOptional(c.Label) ?? "Timebox";
        return Decision<DialogueEvent>.Accept(new TimerStarted(new SessionTimer(label, now, now.AddSeconds(c.Seconds))));
    }

    private static Decision<DialogueEvent> DecideAddStatement(DialogueState state, AddStatement c)
    {
        if (Check.Text(c.Title, "title", Limits.TitleLength) is { } error)
            return error;
        if (state.Statements.Count >= Limits.StatementsPerDialogue)
            return RuleError.Invalid("statement.too-many", $"A dialogue holds at most {Limits.StatementsPerDialogue} statements.");
        return state.Statements.Any(s => s.Id == c.StatementId)
            ? RuleError.Conflict("statement.exists", "That statement exists already.")
            : Decision<DialogueEvent>.Accept(new StatementAdded(new StatementRef(c.StatementId, Check.Clean(c.Title))));
    }

    private static RuleError? ValidateDimensions(ImmutableArray<Dimension> dimensions)
    {
        if (dimensions.IsDefault)
            return null;
        if (dimensions.Length > Limits.Dimensions)
            return RuleError.Invalid("dimension.too-many", $"A dialogue has at most {Limits.Dimensions} stakeholder dimensions.");
        foreach (var d in dimensions)
        {
            if (Check.Text(d.Name, "dimension", Limits.NameLength) is { } error)
                return error;
            if (d.Groups.IsDefaultOrEmpty)
                return RuleError.Invalid("dimension.no-groups", $"Dimension '{d.Name}' needs at least one group.");
            if (d.Groups.Length > Limits.GroupsPerDimension)
                return RuleError.Invalid("dimension.too-many-groups", $"Dimension '{d.Name}' has more than {Limits.GroupsPerDimension} groups.");
            if (d.Groups.FirstOrDefault(g => Check.Text(g, "group", Limits.NameLength) is not null) is { } bad)
                return RuleError.Invalid("group.invalid", $"Group '{bad}' in '{d.Name}' needs a name of 1 to {Limits.NameLength} characters.");
            if (d.Groups.Select(Check.Clean).Distinct().Count() != d.Groups.Length)
                return RuleError.Invalid("group.duplicate", $"Dimension '{d.Name}' names a group twice.");
        }
        return dimensions.Select(d => Check.Clean(d.Name)).Distinct().Count() == dimensions.Length
            ? null
            : RuleError.Invalid("dimension.duplicate", "Two dimensions have the same name.");
    }

    private static ImmutableArray<Dimension> CleanDimensions(ImmutableArray<Dimension> dimensions) =>
        dimensions.IsDefault ? [] : [.. dimensions.Select(d => new Dimension(Check.Clean(d.Name), [.. d.Groups.Select(Check.Clean)]))];

    private static RuleError? ValidateRules(ConsensusRules rules, ImmutableArray<Dimension> dimensions)
    {
        var names = dimensions.Select(d => d.Name).ToArray();
        return rules.All.Select(r => r.Validate(names)).FirstOrDefault(e => e is not null);
    }

    private static RuleError? ValidateMember(DialogueState state, Member member)
    {
        if (member.ParticipantId == Guid.Empty)
            return RuleError.Invalid("member.no-id", "A member needs a participant id.");
        if (!Enum.IsDefined(member.Role))
            return RuleError.Invalid("role.unknown", "There is no such role.");
        var error = Check.Text(member.DisplayName, "name", Limits.NameLength)
            ?? Check.Text(member.Affiliation, "affiliation", Limits.ShortTextLength, required: false);
        if (error is not null)
            return error;
        foreach (var (dimensionName, group) in member.Groups ?? ImmutableDictionary<string, string>.Empty)
        {
            if (state.DimensionOrNull(dimensionName) is not { } dimension)
                return RuleError.NotFound("dimension.not-found", $"There is no dimension '{dimensionName}'.");
            if (!dimension.Groups.Contains(group))
                return RuleError.NotFound("group.not-found", $"'{dimensionName}' has no group '{group}'.");
        }
        return null;
    }

    private static Member CleanMember(Member member) => member with
    {
        DisplayName = Check.Clean(member.DisplayName),
        Affiliation = Check.CleanOptional(member.Affiliation),
        Groups = member.Groups ?? ImmutableDictionary<string, string>.Empty,
    };
}
