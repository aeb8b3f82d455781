using Equipment.ApiClient;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Equipment.Portal;

/// <summary>
/// "Open the work order" on a row of the overdue-maintenance list: opens the preventive work order the plan asks for and
/// takes the technician to it; when one is already open for the asset, to that one (a double click opens no second).
/// </summary>
public static class OverdueWorkOrders
{
    private static Microsoft.Extensions.Localization.IStringLocalizer T => PortalLanguages.Texts(typeof(OverdueWorkOrders));

    public static void Map(WebApplication app) =>
        app.MapPost("/maintenance/overdue/{assetId:guid}/work-order", async ([FromRoute] Guid assetId, HttpContext context, IHttpClientFactory clients) =>
            {
                var maintenance = PortalApi.ForRequest(context, clients).Maintenance;
                try
                {
                    var open = await maintenance.SearchWorkOrdersAsync(open: true, kind: WorkOrderKind.Preventive, assetId: assetId, pageSize: 1);
                    if (open.Items.Count > 0) return Results.Redirect($"/maintenance/work-orders/{open.Items[0].Id}");
                    var order = await maintenance.OpenWorkOrderAsync(new OpenWorkOrderRequest(assetId, WorkOrderKind.Preventive));
                    Flash.Set(context, new FlashMessage(T["Preventive work order opened. Schedule it from the list of open work orders."], "/maintenance/work-orders", T["Open work orders"]));
                    return Results.Redirect($"/maintenance/work-orders/{order.Id}");
                }
                catch (Exception e) when (e is ApiException or HttpRequestException)
                {
                    Flash.Set(context, new FlashMessage(Problem.From(e).Message, Problem: true));
                    return Results.Redirect("/maintenance/work-orders");
                }
            })
            .RequireAuthorization(p => p.RequireRole(Roles.MaintenanceTechnician));
}
