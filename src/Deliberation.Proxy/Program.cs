using Deliberation.Proxy;

// One address for the cluster: every request goes to a healthy node; see docs/operations.md.
var builder = WebApplication.CreateBuilder(args);
builder.AddClusterProxy();

var app = builder.Build();
app.MapGet("/proxy/health", () => Results.Ok("healthy"));
app.MapReverseProxy();
app.Run();
