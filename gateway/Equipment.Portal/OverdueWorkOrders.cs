using Equipment.ApiClient;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Equipment.Portal;

/// <summary>
/// "Open the work order" on a row of the overdue-maintenance list: opens the preventive work order the plan asks for and
/// takes the technician to it; when one is already open for the asset, to that one. The form carries a submission key, so
/// that two clicks at once open one (<see cref="SubmittedForms"/>).
/// </summary>
public static class OverdueWorkOrders
{
    private static Microsoft.Extensions.Localization.IStringLocalizer T => PortalLanguages.Texts(typeof(OverdueWorkOrders));

    public static void Map(WebApplication app) =>
        app.MapPost("/maintenance/overdue/{assetId:guid}/work-order", async ([FromRoute] Guid assetId, [FromForm] string? submissionKey, HttpContext context,
                IHttpClientFactory clients, SubmittedForms submissions) =>
            {
                var maintenance = PortalApi.ForRequest(context, clients).Maintenance;
                async Task<(Submitted?, Problem?)> OpenAsync()
                {
                    try
                    {
                        var open = await maintenance.SearchWorkOrdersAsync(open: true, kind: WorkOrderKind.Preventive, assetId: assetId, pageSize: 1);
                        if (open.Items.Count > 0)
                            return (new Submitted($"/maintenance/work-orders/{open.Items[0].Id}", new FlashMessage(T["This asset's preventive work order is already open."])), null);
                        var order = await maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(assetId, WorkOrderKind.Preventive));
                        return (new Submitted($"/maintenance/work-orders/{order.Id}",
                            new FlashMessage(T["Preventive work order opened. Schedule it from the list of open work orders."], "/maintenance/work-orders", T["Open work orders"])), null);
                    }
                    catch (Exception e) when (e is ApiException or HttpRequestException)
                    {
                        return (null, Problem.From(e));
                    }
                }

                // Two clicks at once carry the same rendered key: the second waits for the first and goes where it went.
                var (done, refusal) = await submissions.RunAsync(context.User, submissionKey, OpenAsync);
                if (done is null)
                {
                    Flash.Set(context, new FlashMessage(refusal!.Message, Problem: true));
                    return Results.Redirect("/maintenance/work-orders");
                }
                Flash.Set(context, done.Message);
                return Results.Redirect(done.RedirectTo);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.MaintenanceTechnician));
}
