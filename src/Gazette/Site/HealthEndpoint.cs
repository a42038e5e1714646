using Gazette.Data;

namespace Gazette.Site;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: 200 when the database answers, 503 when it does not (for load balancers); never cached.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (GazetteDb db, CancellationToken cancellationToken) =>
        {
            try
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? Results.Text("healthy")
                    : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription().CacheOutput(policy => policy.NoCache());
}
