using Equipment.ApiClient;
using Equipment.Portal.Forms;
using Microsoft.AspNetCore.Mvc;

namespace Equipment.Portal;

/// <summary>
/// A work order's next step, posted from its row in the list (one small form per row, so no page-wide form state):
/// the portal asks maintenance with the user's token and returns to the list (303), which says once what happened.
/// </summary>
public static class WorkOrderSteps
{
    private static Microsoft.Extensions.Localization.IStringLocalizer T => PortalLanguages.Texts(typeof(WorkOrderSteps));

    public static void Map(WebApplication app)
    {
        var steps = app.MapGroup("/maintenance/work-orders/{workOrderId:guid}").RequireAuthorization(p => p.RequireRole(Roles.MaintenanceTechnician));
        steps.MapPost("/schedule", ([FromRoute] Guid workOrderId, [FromForm] DateOnly? on, [FromForm] string? technician, HttpContext context, IHttpClientFactory clients) =>
            StepAsync(context, clients, m => m.ScheduleAsync(workOrderId, new ScheduleWorkOrderRequest(on ?? DateOnly.MinValue, technician ?? "")), T["Work order scheduled."]));
        steps.MapPost("/start", ([FromRoute] Guid workOrderId, HttpContext context, IHttpClientFactory clients) =>
            StepAsync(context, clients, m => m.StartAsync(workOrderId), T["Work started."]));
        steps.MapPost("/completion", ([FromRoute] Guid workOrderId, [FromForm] DateOnly? on, [FromForm] decimal? labourHours, [FromForm] string? outcome,
                [FromForm] string? partName, [FromForm] decimal? partCost, HttpContext context, IHttpClientFactory clients) =>
            StepAsync(context, clients, m => m.CompleteAsync(workOrderId, new CompleteWorkOrderRequest(on ?? DateOnly.MinValue, labourHours ?? 0, outcome ?? "",
                string.IsNullOrWhiteSpace(partName) ? null : [new PartUsed(partName, 1, partCost ?? 0)])), T["Work order completed."]));
    }

    private static async Task<IResult> StepAsync(HttpContext context, IHttpClientFactory clients, Func<IMaintenanceApi, Task> step, string done)
    {
        try
        {
            await step(PortalApi.ForRequest(context, clients).Maintenance);
            Flash.Set(context, new FlashMessage(done));
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            // the list shows the refusal and fills the row's form in again with what was sent
            var sent = context.Request.Form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(f => f.Key, f => f.Value.ToString());
            Flash.Set(context, new FlashMessage(Problem.From(e).Summary(), Problem: true, KeptFor: context.Request.RouteValues["workOrderId"]?.ToString(), Kept: sent));
        }
        return Results.Redirect("/maintenance/work-orders");
    }
}
