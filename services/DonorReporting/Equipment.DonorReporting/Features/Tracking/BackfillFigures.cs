using Equipment.DonorReporting.Data;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Features.Tracking;

/// <summary>
/// Once at start-up, after the migrations: computes the figure columns of the assets that have none for their grant's
/// period (those of a database upgraded from before the columns). The summary is right before it finishes too (it
/// reads those assets' histories), only slower.
/// </summary>
public static class BackfillFigures
{
    public sealed class Worker(IServiceScopeFactory scopes, ILogger<Worker> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var grants = await db.TrackedAssets.AsNoTracking()
                .Where(a => db.Grants.Any(g => g.Id == a.GrantId && (a.FiguresUntil == null || a.FiguresUntil != g.EndDate)))
                .Select(a => a.GrantId).Distinct().ToListAsync(stoppingToken);
            foreach (var grantId in grants)
            {
                var refreshed = await db.RefreshStaleFiguresAsync(grantId, stoppingToken);
                logger.LogInformation("Computed the figure columns of {Count} assets of grant {GrantId}", refreshed, grantId);
            }
        }
    }
}
