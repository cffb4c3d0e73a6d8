using Deliberation.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>What the whole store holds, read straight from the SQLite file: "nothing stored" is checked here.</summary>
public static class StoreCounts
{
    public static async Task<(long Events, int Dialogues)> OfAsync(ServerFactory server)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Events";
        var events = (long)(await command.ExecuteScalarAsync())!;
        var dialogues = (await server.Services.GetRequiredService<IDialogueDirectory>().ListDialoguesAsync()).Count;
        return (events, dialogues);
    }
}
