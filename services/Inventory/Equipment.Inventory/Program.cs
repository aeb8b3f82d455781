using Equipment.BuildingBlocks.Attachments;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory;
using Equipment.Inventory.Data;
using Equipment.Inventory.Features.Assets;
using Equipment.Inventory.Features.Attention;
using Equipment.Inventory.Features.Deliveries;
using Equipment.Inventory.Features.Grants;
using Equipment.Inventory.Features.Handovers;
using Equipment.Inventory.Features.Locations;
using Equipment.Inventory.Features.Passport;
using Equipment.Inventory.Features.Receipts;
using Equipment.Inventory.Features.Shipments;
using Equipment.Inventory.Features.StockTakes;
using Equipment.Maintenance.Contracts;
using Equipment.Procurement.Contracts;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<InventoryDbContext, InventorySqliteDbContext, InventoryPostgresDbContext>("inventory");
builder.Services.Configure<InventoryOptions>(builder.Configuration.GetSection("Inventory"));
builder.Services.AddScoped<ReceiptRecorder>();
builder.Services.AddSingleton<ImportQueue>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services
    .AddSubscription<GrantRegistered, LearnGrant.Handler>()
    .AddSubscription<GrantAmended, LearnGrantAmendment.Handler>()
    .AddSubscription<ContractSigned, ExpectDeliveries.Handler>()
    .AddSubscription<ContractAmended, FollowContractAmendment.Handler>()
    .AddSubscription<AssetStatusChanged, RecordAssetNotes.StatusHandler>()
    .AddSubscription<VerificationRecorded, RecordAssetNotes.VerificationHandler>();

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/inventory").RefuseUnsafeInput()
    .RequireAuthorization(Policies.AnyRole)
    .RequireAuthorization(JwtAuthentication.RequireRoles(Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.DonorMonitor, Roles.Administrator));
RegisterWarehouse.Map(api);
ListLocations.Map(api);
ListExpectedDeliveries.Map(api);
DispatchShipment.Map(api);
TrackShipment.Map(api);
ListShipments.Map(api);
ReceiveGoods.Map(api);
ImportReceipts.Map(api);
AcceptGoods.Map(api);
ListGoodsReceivedNotes.Map(api);
GetGoodsReceivedNote.Map(api);
HandOverAssets.Map(api);
GetHandoverCertificate.Map(api);
ListHandovers.Map(api);
ListAssets.Map(api);
SearchAssets.Map(api);
ExportAssets.Map(api);
GetAsset.Map(api);
DeployAsset.Map(api);
TransferAsset.Map(api);
DisposeAsset.Map(api);
GetCustodyLog.Map(api);
GetPassport.Map(api);
GetLabel.Map(api);
OpenStockTake.Map(api);
ScanSerial.Map(api);
CloseStockTake.Map(api);
GetStockTake.Map(api);
ListStockTakes.Map(api);
GetAttention.Map(api);
GoodsReceivedEvidence.Map(api);
HandoverEvidence.Map(api);
RecordHandoverSignature.Map(api);
DisposalEvidence.Map(api);
api.MapAttachmentFiles(Roles.LogisticsOfficer, Roles.MaintenanceTechnician, Roles.DonorMonitor, Roles.Administrator);

api.MapAuditTrail(Roles.LogisticsOfficer, Roles.Administrator);   // GET …/audit/{entityType}/{id}: who changed the record, when, what

app.Run();

public partial class Program;
