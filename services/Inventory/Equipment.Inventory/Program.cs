using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory.Data;
using Equipment.Inventory.Features.Assets;
using Equipment.Inventory.Features.Deliveries;
using Equipment.Inventory.Features.Grants;
using Equipment.Procurement.Contracts;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<InventoryDbContext>("inventory");
builder.Services
    .AddSubscription<GrantRegistered, LearnGrant.Handler>(ReportingTopics.GrantRegistered)
    .AddSubscription<ContractSigned, ExpectDeliveries.Handler>(ProcurementTopics.ContractSigned)
    .AddSubscription<ContractAmended, FollowContractAmendment.Handler>(ProcurementTopics.ContractAmended);

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/inventory").RequireAuthorization(Policies.AnyRole);
ListExpectedDeliveries.Map(api);
ReceiveGoods.Map(api);
ListAssets.Map(api);
GetAsset.Map(api);
DeployAsset.Map(api);

app.Run();

public partial class Program;
