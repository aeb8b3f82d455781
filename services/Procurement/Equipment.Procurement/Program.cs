using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.Procurement.Data;
using Equipment.Procurement.Features.Contracts;
using Equipment.Procurement.Features.Grants;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<ProcurementDbContext>("procurement");
builder.Services.AddSubscription<GrantRegistered, LearnGrant.Handler>(ReportingTopics.GrantRegistered);

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/procurement").RequireAuthorization(Policies.AnyRole);
ListKnownGrants.Map(api);
DraftContract.Map(api);
SignContract.Map(api);
GetContract.Map(api);
ListContracts.Map(api);

app.Run();

public partial class Program;
