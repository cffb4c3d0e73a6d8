using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Deliberation.Domain;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A revision the editor commits: new text on the revision it was written against.</summary>
public sealed record ClauseRevision(Guid ClauseId, int BaseRevision, string Text, RevisionKind Kind, string? Rationale);

/// <summary>Text being typed, for the live preview.</summary>
public sealed record DraftText(Guid ClauseId, int BaseRevision, string Text);

/// <summary>
/// The rapporteur's editor: edit a clause with a live preview to the room (debounced), commit
/// as a substantive or editorial revision on the revision it was based on. When someone else
/// committed first (<c>revision.stale-base</c>), the merge view shows both texts and commits the
/// merged one on the new base; the draft is never thrown away.
/// </summary>
public sealed partial class RapporteurEditor : IDisposable
{
    public const string StaleBaseRule = "revision.stale-base";

    private Guid clauseId;
    private string draft = "";
    private string baseText = "";
    private int baseRevision;
    private RevisionKind kind = RevisionKind.Substantive;
    private string rationale = "";
    private bool conflict;
    private bool committing;
    private string? message;
    private CancellationTokenSource? pendingPreview;

    [Parameter, EditorRequired]
    public ClauseView Clause { get; set; } = null!;

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter, EditorRequired]
    public Func<ClauseRevision, Task<CommandOutcome>>? OnCommit { get; set; }

    [Parameter]
    public Func<DraftText, Task>? OnPreview { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>How long typing must pause before the preview goes out.</summary>
    [Parameter]
    public TimeSpan PreviewDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    internal bool Dirty => draft != baseText;

    internal bool InConflict => conflict;

    protected override void OnParametersSet()
    {
        if (Clause.Id != clauseId)
        {
            clauseId = Clause.Id;
            Reset();
        }
        else if (Clause.Revision != baseRevision && !Dirty && !conflict)
        {
            // Nothing typed: follow the clause to its new text.
            Reset();
        }
    }

    private void Reset()
    {
        draft = Clause.Text;
        baseText = Clause.Text;
        baseRevision = Clause.Revision;
        conflict = false;
        message = null;
    }

    private void Discard()
    {
        Reset();
        SchedulePreview();
    }

    private void OnTyped(ChangeEventArgs e)
    {
        draft = e.Value?.ToString() ?? "";
        message = null;
        SchedulePreview();
    }

    private void SchedulePreview()
    {
        if (OnPreview is null)
            return;
        pendingPreview?.Cancel();
        pendingPreview?.Dispose();
        var cancel = pendingPreview = new CancellationTokenSource();
        var preview = new DraftText(clauseId, baseRevision, draft);
        _ = SendPreviewAsync(preview, cancel.Token);
    }

    private async Task SendPreviewAsync(DraftText preview, CancellationToken cancel)
    {
        try
        {
            await Task.Delay(PreviewDelay, Time, cancel);
            if (!cancel.IsCancellationRequested && OnPreview is not null)
                await OnPreview(preview);
        }
        catch (OperationCanceledException)
        {
            // Superseded by newer typing.
        }
    }

    private Task CommitAsync() => CommitTextAsync(draft, baseRevision);

    private Task CommitMergedAsync(string merged)
    {
        // The merged text is now the draft: if the base moves again, the next merge starts from it.
        draft = merged;
        return CommitTextAsync(merged, Clause.Revision);
    }

    private async Task CommitTextAsync(string text, int onRevision)
    {
        if (OnCommit is null)
            return;
        committing = true;
        message = null;
        try
        {
            var outcome = await OnCommit(new ClauseRevision(clauseId, onRevision, text, kind, string.IsNullOrWhiteSpace(rationale) ? null : rationale.Trim()));
            if (outcome.Accepted)
            {
                pendingPreview?.Cancel();
                conflict = false;
                draft = text;
                baseText = text;
                rationale = "";
                // The new revision arrives as an event; with nothing typed, the editor then follows it.
                baseRevision = Clause.Revision == onRevision ? onRevision : Clause.Revision;
                if (Clause.Text != text && Clause.Revision != onRevision)
                    Reset();
            }
            else if (outcome.Error?.Rule == StaleBaseRule)
            {
                baseRevision = onRevision;
                conflict = true;
            }
            else
            {
                message = outcome.Error?.Localized() ?? Resources.Console.Get("RevisionRefused");
            }
        }
        finally
        {
            committing = false;
        }
    }

    public void Dispose()
    {
        pendingPreview?.Cancel();
        pendingPreview?.Dispose();
    }
}
