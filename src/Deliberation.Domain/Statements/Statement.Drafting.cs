using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Statements;

/// <summary>
/// Who may edit a statement's text and when: one set of rules for the commands that commit text
/// and for the live preview of text still being typed, so the room never previews what its author
/// could not commit, and both refuse with the same rule and message.
/// </summary>
public static partial class Statement
{
    /// <summary>
    /// Whether <paramref name="author"/> may show <paramref name="text"/> to the room as a draft now:
    /// a drafter, in a phase that allows editing, within the clause length. Null when she may.
    /// </summary>
    public static RuleError? JudgeDraft(DialogueState dialogue, Guid author, string text) =>
        MayEditText(dialogue, dialogue.MemberOrNull(author)) ?? Check.TooLong(text, "text", Limits.ClauseTextLength);

    private static RuleError? MayEditText(DialogueState dialogue, Member? member) =>
        Drafter(member) ?? InPhase(dialogue, Phases.AllowsEditing, "edited");

    private static RuleError? Drafter(Member? member) => member is not null && member.Role.Drafts()
        ? null : RuleError.Forbidden("role.not-rapporteur", "Only the rapporteur or facilitator may edit the text.");
}
