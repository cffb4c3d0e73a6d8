using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Account;

/// <summary>The fields of a new organiser account (code, name, e-mail, password), for setup and for invitations.</summary>
public sealed partial class AccountForm
{
    private string code = "";
    private string displayName = "";
    private string email = "";
    private string password = "";

    /// <summary>What the form hands back when submitted.</summary>
    public sealed record Filled(string Code, string DisplayName, string Email, string Password);

    [Parameter, EditorRequired]
    public string CodeLabel { get; set; } = "";

    [Parameter]
    public string? Code { get; set; }

    [Parameter, EditorRequired]
    public string SubmitLabel { get; set; } = "";

    [Parameter]
    public string? Error { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter, EditorRequired]
    public EventCallback<Filled> OnSubmit { get; set; }

    protected override void OnInitialized() => code = Code ?? "";

    private Task SubmitAsync() => OnSubmit.InvokeAsync(new Filled(code.Trim(), displayName.Trim(), email.Trim(), password));
}
