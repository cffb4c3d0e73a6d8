using Deliberation.Server.Api;
using Deliberation.Server.Demo;
using Deliberation.Server.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddDeliberationPersistence();
builder.AddHistoryVerification();
builder.AddDeliberationOrleans();
builder.AddDeliberationServices();
builder.AddParticipantAuthentication();
builder.AddOrganiserAccounts();
builder.AddRealtime();
builder.AddApiProtection();
builder.AddApiDocument();
builder.AddDemoSeed();
builder.AddBrowserClient();

var app = builder.Build();

await app.MigrateDatabaseAsync();
await app.MigrateAccountsDatabaseAsync();

app.UseBrowserProtection();
app.UseAuthentication();
app.UseAuthorization();
app.UseRequestLimits();

app.MapHealthApi();
app.MapIntegrityApi();
app.MapInviteApi();
app.MapOrganiserAccounts();
app.MapDialogueApi();
app.MapStatementApi();
app.MapReviewApi();
app.MapCommandApi();
app.MapPolisApi();
app.MapRosterApi();
app.MapApiDocument();
app.MapDialogueHub();
app.MapBrowserClient();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
