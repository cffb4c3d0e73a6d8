using Deliberation.FloorHub;

// The bare-SignalR floor (docs/performance.md, "The floor"): start it on loopback, then run the load
// generator with --floor against it (bench/load-matrix.sh does both, right after our own server).
//   dotnet bench/Deliberation.FloorHub/bin/Release/net10.0/Deliberation.FloorHub.dll --urls http://127.0.0.1:5400
var builder = WebApplication.CreateSlimBuilder(args);
var urls = builder.Configuration["urls"] ?? "http://127.0.0.1:5400";
// Load stays on this machine, as the generator insists too.
if (urls.Split(';').Any(url => !new Uri(url).IsLoopback))
    throw new ArgumentException($"The floor hub listens on loopback only, not on {urls}.");
builder.WebHost.UseUrls(urls);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// The server's hub settings (Deliberation.Server's RealtimeExtensions): the JSON protocol, bounded messages.
builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024).AddJsonProtocol();
builder.Services.AddSingleton<FloorRooms>();
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.MapHub<RelayHub>("/hubs/dialogue");
app.Run();
