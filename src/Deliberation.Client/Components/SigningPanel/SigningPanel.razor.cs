using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// What a signer gives: her affiliation as it is to be printed (for identification only), her
/// capacity, and the hash of the text she was shown. Her name is not hers to give: the server
/// prints the one on the roster.
/// </summary>
public sealed record SignatureDetails(string? Affiliation, SignatureCapacity Capacity, string TextHash);

/// <summary>
/// The frozen text's hash, the form to sign it (her name as on the roster, shown but not editable;
/// affiliation; capacity), the signatories, and withdrawing one's own signature with a reason. Shown only once
/// the facilitator has frozen the statement; the hash sent is the one on screen, so nobody signs a
/// text she was not shown. Refusals come back from the server and are shown with its message.
/// </summary>
public sealed partial class SigningPanel
{
    private Guid prefilledFor;
    private string affiliation = "";
    private SignatureCapacity capacity = SignatureCapacity.Personal;
    private bool withdrawing;
    private string reason = "";
    private bool sending;
    private RuleError? refusal;

    [Parameter, EditorRequired]
    public StatementView Statement { get; set; } = null!;

    /// <summary>The viewer: whose name prefills the form and whose signature may be withdrawn.</summary>
    [Parameter, EditorRequired]
    public MemberView You { get; set; } = null!;

    [Parameter, EditorRequired]
    public Phase Phase { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Sends the signature; the answer says whether the server took it.</summary>
    [Parameter]
    public Func<SignatureDetails, Task<CommandOutcome>>? OnSign { get; set; }

    /// <summary>Withdraws the viewer's signature with the reason given (or none).</summary>
    [Parameter]
    public Func<string?, Task<CommandOutcome>>? OnWithdraw { get; set; }

    private Signature? Mine => Statement.Signatures.FirstOrDefault(s => s.ParticipantId == You.ParticipantId);

    private IReadOnlyList<Signature> Signatories => [.. Statement.Signatures.OrderBy(s => s.At)];

    /// <summary>Why the viewer cannot sign now, or null when she can.</summary>
    private string? SignClosedReason =>
        !You.Role.Acts() ? Resources.Console.Get("ObserversDoNotSign")
        : Phase == Phase.Closed ? Resources.Console.Get("ClosedNoSignatures")
        : !Phase.AllowsSigning() ? Resources.Console.Format("SigningOpensWhen", Presentation.Label(Phase.Signing), Presentation.Label(Phase))
        : null;

    private bool Disabled => Busy || sending;

    protected override void OnParametersSet()
    {
        if (prefilledFor == You.ParticipantId)
            return;
        prefilledFor = You.ParticipantId;
        affiliation = You.Affiliation ?? "";
    }

    private async Task SignAsync()
    {
        if (OnSign is null || Statement.Frozen is not { } frozen)
            return;
        // The hash on screen, not one fetched now: the signature must bind to the text she was shown.
        var details = new SignatureDetails(string.IsNullOrWhiteSpace(affiliation) ? null : affiliation.Trim(), capacity, frozen.Hash);
        await SendAsync(() => OnSign(details));
    }

    private void StartWithdrawing()
    {
        reason = "";
        refusal = null;
        withdrawing = true;
    }

    private async Task WithdrawAsync()
    {
        if (OnWithdraw is null)
            return;
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (await SendAsync(() => OnWithdraw(why)))
            withdrawing = false;
    }

    private async Task<bool> SendAsync(Func<Task<CommandOutcome>> send)
    {
        sending = true;
        refusal = null;
        try
        {
            var outcome = await send();
            refusal = outcome.Accepted ? null : outcome.Error ?? new RuleError("command.refused", "The server refused this.");
            return outcome.Accepted;
        }
        finally
        {
            sending = false;
        }
    }

    private static string CapacityLabel(SignatureCapacity capacity) => capacity switch
    {
        SignatureCapacity.Institutional => Resources.Console.Get("OnBehalfOfTheInstitution"),
        _ => Resources.Console.Get("InAPersonalCapacity"),
    };

    private static string When(DateTimeOffset at) => Presentation.DateTime(at);

    /// <summary>The hash's start and end, enough to compare by eye with a printed copy.</summary>
    private static string ShortHash(string hash) => hash.Length <= 16 ? hash : $"{hash[..8]}…{hash[^8..]}";
}
