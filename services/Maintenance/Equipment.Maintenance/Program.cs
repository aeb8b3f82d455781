using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.Inventory.Contracts;
using Equipment.Maintenance.Data;
using Equipment.Maintenance.Features.Assets;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<MaintenanceDbContext>("maintenance");
builder.Services
    .AddSubscription<AssetRegistered, LearnAsset.Handler>(InventoryTopics.AssetRegistered)
    .AddSubscription<AssetDeployed, LearnDeployment.Handler>(InventoryTopics.AssetDeployed)
    .AddSubscription<AssetTransferred, LearnTransfer.Handler>(InventoryTopics.AssetTransferred);

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/maintenance").RequireAuthorization(Policies.AnyRole);
ListMaintainedAssets.Map(api);

app.Run();

public partial class Program;
