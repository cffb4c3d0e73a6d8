using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// An in-process server of its own, with the given settings (low limits), whose clients each come
/// from an address of their choosing: the in-process server has no network, so a test header sets
/// the address the server sees, as a connection from that address would.
/// </summary>
public sealed class AddressedServer : IAsyncDisposable
{
    public const string AddressHeader = "X-Test-Client-Address";

    private readonly ServerFactory settings = new();
    private readonly WebApplicationFactory<Program> server;

    public AddressedServer(params (string Key, string Value)[] configuration) =>
        server = settings.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in configuration)
                builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new AddressFromHeader()));
        });

    /// <summary>A signed-out client (it keeps the cookies it is given) at an address.</summary>
    public ApiClient ClientAt(string address)
    {
        var client = new ApiClient(server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));
        MoveTo(client, address);
        return client;
    }

    public static void MoveTo(ApiClient client, string address)
    {
        client.Http.DefaultRequestHeaders.Remove(AddressHeader);
        client.Http.DefaultRequestHeaders.Add(AddressHeader, address);
    }

    public async Task<long> EventCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={settings.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Events";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        await settings.DisposeAsync();
    }

    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
