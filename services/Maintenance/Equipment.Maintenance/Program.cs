using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Features.Assets;
using Equipment.Maintenance.Features.Attention;
using Equipment.Maintenance.Features.Faults;
using Equipment.Maintenance.Features.Plans;
using Equipment.Maintenance.Features.Status;
using Equipment.Maintenance.Features.Usage;
using Equipment.Maintenance.Features.Warranty;
using Equipment.Maintenance.Features.WorkOrders;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<MaintenanceDbContext, MaintenanceSqliteDbContext, MaintenancePostgresDbContext>("maintenance");
builder.Services
    .AddSubscription<AssetRegistered, LearnAsset.Handler>()
    .AddSubscription<AssetDeployed, LearnDeployment.Handler>()
    .AddSubscription<AssetTransferred, LearnTransfer.Handler>()
    .AddSubscription<AssetDisposed, LearnDisposal.Handler>();
builder.Services.AddSingleton<AnnounceFaultHistory>().AddHostedService(s => s.GetRequiredService<AnnounceFaultHistory>());   // after the migrations

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/maintenance").RefuseUnsafeInput().RequireAuthorization(Policies.AnyRole);
ListMaintainedAssets.Map(api);
DefinePlan.Map(api);
ListOverdue.Map(api);
ReportFault.Map(api);
OpenWorkOrder.Map(api);
ProgressWorkOrder.Map(api);
SearchWorkOrders.Map(api);
SettleWarrantyClaim.Map(api);
RaiseWarrantyClaim.Map(api);
ListWarrantyClaims.Map(api);
ChangeStatus.Map(api);
GetAvailability.Map(api);
GetReliability.Map(api);
RecordUsage.Map(api);
ListUsage.Map(api);
GetAttention.Map(api);
WorkOrderEvidence.Map(api);
api.MapAttachmentFiles(Lookups.Readers);

api.MapAuditTrail(Roles.MaintenanceTechnician, Roles.Administrator);   // GET …/audit/{entityType}/{id}: who changed the record, when, what

app.Run();

public partial class Program;
