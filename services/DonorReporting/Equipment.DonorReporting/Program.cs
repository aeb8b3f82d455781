using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Features.Donors;
using Equipment.DonorReporting.Features.Grants;
using Equipment.DonorReporting.Features.Reports;
using Equipment.DonorReporting.Features.Tracking;
using Equipment.DonorReporting.Features.Verification;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Procurement.Contracts;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<ReportingDbContext>("donor-reporting");
builder.Services
    .AddSubscription<TenderPublished, TrackTenders.Published>(ProcurementTopics.TenderPublished)
    .AddSubscription<AwardDecided, TrackTenders.Awarded>(ProcurementTopics.AwardDecided)
    .AddSubscription<TenderCancelled, TrackTenders.Cancelled>(ProcurementTopics.TenderCancelled)
    .AddSubscription<ContractSigned, TrackSignedContract.Handler>(ProcurementTopics.ContractSigned)
    .AddSubscription<ContractAmended, TrackAmendedContract.Handler>(ProcurementTopics.ContractAmended)
    .AddSubscription<AssetsHandedOver, TrackHandedOverAssets.Handler>(InventoryTopics.AssetHandedOver)
    .AddSubscription<AssetStatusChanged, TrackAssetStatus.Handler>(MaintenanceTopics.AssetStatusChanged)
    .AddSubscription<WorkOrderCompleted, TrackUpkeep.WorkCompleted>(MaintenanceTopics.WorkOrderCompleted)
    .AddSubscription<UsageRecorded, TrackUpkeep.UsageLogged>(MaintenanceTopics.UsageRecorded)
    .AddSubscription<AssetRegistered, TrackRegisteredAsset.Handler>(InventoryTopics.AssetRegistered)
    .AddSubscription<AssetDeployed, TrackDeployedAsset.Handler>(InventoryTopics.AssetDeployed)
    .AddSubscription<AssetTransferred, TrackTransferredAsset.Handler>(InventoryTopics.AssetTransferred)
    .AddSubscription<AssetDisposed, TrackDisposedAsset.Handler>(InventoryTopics.AssetDisposed);

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/reporting").RequireAuthorization(Policies.AnyRole);
RegisterDonor.Map(api);
ListDonors.Map(api);
RegisterGrant.Map(api);
ListGrants.Map(api);
GetGrant.Map(api);
AmendGrant.Map(api);
RecordDisbursement.Map(api);
PlanVisit.Map(api);
RecordVisit.Map(api);
MisuseAllegations.Map(api);
ExportGrantCsv.Map(api);
ExportGrantXlsx.Map(api);
GrantReportPage.Map(api);
IatiActivities.Map(api);

app.Run();

public partial class Program;
