using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Features.Attention;
using Equipment.DonorReporting.Features.Donors;
using Equipment.DonorReporting.Features.Grants;
using Equipment.DonorReporting.Features.Reports;
using Equipment.DonorReporting.Features.StockTakes;
using Equipment.DonorReporting.Features.Tracking;
using Equipment.DonorReporting.Features.Verification;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Contracts;
using Equipment.Procurement.Contracts;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<ReportingDbContext, ReportingSqliteDbContext, ReportingPostgresDbContext>("donor-reporting");
builder.Services
    .AddSubscription<TenderPublished, TrackTenders.Published>()
    .AddSubscription<AwardDecided, TrackTenders.Awarded>()
    .AddSubscription<TenderCancelled, TrackTenders.Cancelled>()
    .AddSubscription<ContractSigned, TrackSignedContract.Handler>()
    .AddSubscription<ContractAmended, TrackAmendedContract.Handler>()
    .AddSubscription<AssetsHandedOver, TrackHandedOverAssets.Handler>()
    .AddSubscription<AssetStatusChanged, TrackAssetStatus.Handler>()
    .AddSubscription<WorkOrderCompleted, TrackUpkeep.WorkCompleted>()
    .AddSubscription<UsageRecorded, TrackUpkeep.UsageLogged>()
    .AddSubscription<FaultReported, TrackReliability.FaultSeen>()
    .AddSubscription<FaultRepaired, TrackReliability.FaultFixed>()
    .AddSubscription<AssetRegistered, TrackRegisteredAsset.Handler>()
    .AddSubscription<AssetDeployed, TrackDeployedAsset.Handler>()
    .AddSubscription<AssetTransferred, TrackTransferredAsset.Handler>()
    .AddSubscription<AssetDisposed, TrackDisposedAsset.Handler>()
    .AddSubscription<StockTakeClosed, TrackStockTake.Handler>()
    .AddSubscription<ReceiptPhotoAttached, TrackReceiptPhotos.Attached>()
    .AddSubscription<ReceiptPhotoRemoved, TrackReceiptPhotos.Removed>()
    .AddHostedService<BackfillFigures.Worker>();

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/reporting").RefuseUnsafeInput().RequireAuthorization(Policies.AnyRole);
RegisterDonor.Map(api);
ListDonors.Map(api);
RegisterGrant.Map(api);
ListGrants.Map(api);
GetGrant.Map(api);
AmendGrant.Map(api);
RecordDisbursement.Map(api);
PlanVisit.Map(api);
RecordVisit.Map(api);
ListVisits.Map(api);
SaveFinding.Map(api);
CompleteVisit.Map(api);
FindingEvidence.Map(api);
api.MapAttachmentFiles(Roles.DonorMonitor, Roles.Administrator);
CompleteFollowUp.Map(api);
MisuseAllegations.Map(api);
ExportGrantCsv.Map(api);
ExportGrantXlsx.Map(api);
GrantReportPage.Map(api);
IatiActivities.Map(api);
ListMissingItems.Map(api);
GetAttention.Map(api);

api.MapAuditTrail(Roles.Administrator);   // GET …/audit/{entityType}/{id}: who changed the record, when, what

app.Run();

public partial class Program;
