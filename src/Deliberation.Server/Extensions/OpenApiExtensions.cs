namespace Deliberation.Server.Extensions;

/// <summary>
/// The OpenAPI document of the HTTP API at <c>/openapi/v1.json</c>, built from the endpoints'
/// typed results and the contract's records (docs/api.md), so it cannot drift from the code.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static void AddApiDocument(this WebApplicationBuilder builder) => builder.Services.AddOpenApi();

    /// <summary>Open to anyone, like docs/api.md: it describes the API, it holds no data.</summary>
    public static void MapApiDocument(this WebApplication app) => app.MapOpenApi("/openapi/{documentName}.json");
}
