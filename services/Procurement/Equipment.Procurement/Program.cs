using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Hosting;
using Equipment.BuildingBlocks.Messaging;
using Equipment.DonorReporting.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Procurement;
using Equipment.Procurement.Data;
using Equipment.Procurement.Features.Awards;
using Equipment.Procurement.Features.Bids;
using Equipment.Procurement.Features.Contracts;
using Equipment.Procurement.Features.Deliveries;
using Equipment.Procurement.Features.Grants;
using Equipment.Procurement.Features.Ocds;
using Equipment.Procurement.Features.ReferenceData;
using Equipment.Procurement.Features.Requisitions;
using Equipment.Procurement.Features.Suppliers;
using Equipment.Procurement.Features.Tenders;
using Equipment.Procurement.Features.Attention;

var builder = WebApplication.CreateBuilder(args);
builder.AddEquipmentService<ProcurementDbContext, ProcurementSqliteDbContext, ProcurementPostgresDbContext>("procurement");
builder.Services.Configure<ProcurementOptions>(builder.Configuration.GetSection("Procurement"));
builder.Services.AddHostedService<RuleSetSeeder>();
builder.Services
    .AddSubscription<GrantRegistered, LearnGrant.Handler>()
    .AddSubscription<GrantAmended, LearnGrantAmendment.Handler>()
    .AddSubscription<DeliveryReceived, RecordDelivery.Handler>();

var app = builder.Build();
app.UseEquipmentService();

var api = app.MapGroup("/api/procurement").RefuseUnsafeInput().RequireAuthorization(Policies.AnyRole);
GetReferenceData.Map(api);
ListKnownGrants.Map(api);
GetAttention.Map(api);
RegisterSupplier.Map(api);
ListSuppliers.Map(api);
RaiseRequisition.Map(api);
ListRequisitions.Map(api);
CancelRequisition.Map(api);
CreateTender.Map(api);
ListTenders.Map(api);
GetTender.Map(api);
PublishTender.Map(api);
AskClarification.Map(api);
AnswerClarification.Map(api);
CancelTender.Map(api);
RecordEvaluationCommittee.Map(api);
SubmitBid.Map(api);
ListBids.Map(api);
EvaluateBid.Map(api);
StartEvaluation.Map(api);
ProposeAward.Map(api);
StartStandstill.Map(api);
DecideAward.Map(api);
GetEvaluationReport.Map(api);
DraftContract.Map(api);
SignContract.Map(api);
AmendContract.Map(api);
GetContract.Map(api);
ListContracts.Map(api);
GetReleasePackage.Map(api);

api.MapAuditTrail(Roles.ProcurementOfficer, Roles.Administrator);   // GET …/audit/{entityType}/{id}: who changed the record, when, what

app.Run();

public partial class Program;
