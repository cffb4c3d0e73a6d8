using Deliberation.Client;
using Deliberation.Client.Localization;
using Deliberation.Client.Services;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddDeliberationClient(builder.HostEnvironment.BaseAddress);
var host = builder.Build();
await host.UsePersonsCultureAsync();
await host.RunAsync();
