using System.Text.Json;
using Deliberation.Contracts.Json;
using Deliberation.Server.Services;

namespace Deliberation.Server.Extensions;

public static class ServiceExtensions
{
    /// <summary>The thin services between the endpoints and the grains; JSON as the domain writes it.</summary>
    public static void AddDeliberationServices(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            CopyDomainJson(options.SerializerOptions);
            Protection.RequiredMembersCheck.ApplyTo(options.SerializerOptions);
        });
        builder.Services.AddSingleton<DialogueService>();
        builder.Services.AddSingleton<InviteService>();
        builder.Services.AddSingleton<DialogueHistory>();
        builder.Services.AddMemoryCache();
        // The exports' and the history report's wording per interface language (Documents/ExportWords).
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<Review.ScopeHistories>();
        builder.Services.AddHostedService<Review.ReviewTraceFollower>();
        builder.Services.AddSingleton<Review.StatementReview>();
        builder.Services.AddSingleton<Polis.ImportJobs>();
        builder.Services.AddSingleton<Polis.PolisExporter>();
        builder.Services.AddSingleton<Roster.RosterImporter>();
    }

    /// <summary>The wire's JSON (<see cref="WireJson"/>), which the browser client uses too.</summary>
    public static void CopyDomainJson(JsonSerializerOptions options) => WireJson.ApplyTo(options);
}
