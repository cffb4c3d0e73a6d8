using System.Net;

namespace Deliberation.Testing;

/// <summary>
/// The organiser account the test servers start with: each server is given this setup code
/// (<c>Accounts:SetupCode</c>), and the first client to sign in creates the account with it.
/// Only accounts create dialogues and run imports, so a test's convener signs in as this one.
/// </summary>
public static class TestOrganiser
{
    public const string SetupCode = "test-setup-code-for-the-test-servers-only";
    public const string Email = "organiser@example.test";
    public const string Password = "correct horse battery staple";
    public const string DisplayName = "Test Organiser";

    /// <summary>
    /// Signs <paramref name="client"/> in to the test organiser account, creating it with the
    /// setup code if no test has yet. Two clients racing to create it both end up signed in.
    /// </summary>
    public static async Task<ApiClient> SignInAsync(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var status = await Expect.OkAsync(await client.Http.GetAsync("/api/account"));
        if (status["setupNeeded"]!.GetValue<bool>())
        {
            var setup = await client.PostAsync("/api/account/setup", new { setupCode = SetupCode, email = Email, displayName = DisplayName, password = Password });
            if (setup.IsSuccessStatusCode)
                return client;
        }
        // Another client may hold the setup code's claim and be creating the account right now.
        for (var attempt = 0; ; attempt++)
        {
            var signIn = await client.PostAsync("/api/account/sign-in", new { email = Email, password = Password });
            if (signIn.IsSuccessStatusCode || attempt == 50 || signIn.StatusCode != HttpStatusCode.Unauthorized)
            {
                await Expect.OkAsync(signIn);
                return client;
            }
            await Task.Delay(100);
        }
    }
}
