namespace Deliberation.Server.Extensions;

/// <summary>
/// The OpenAPI document of the HTTP API at <c>/openapi/v1.json</c>, built from the endpoints'
/// typed results and the contract's records (docs/api.md), so it cannot drift from the code.
/// </summary>
public static class OpenApiExtensions
{
    public static void AddApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new StructDefaultParameterConverter()));
    }

    /// <summary>Open to anyone, like docs/api.md: it describes the API and holds no data.</summary>
    public static void MapApiDocument(this WebApplication app) => app.MapOpenApi("/openapi/{documentName}.json");
}
