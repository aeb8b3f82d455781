namespace Equipment.ApiClient;

/// <summary><c>/api/procurement</c>: suppliers, requisitions, PRAG tenders from publication to award, contracts, OCDS.</summary>
public sealed class ProcurementClient(HttpClient http) : ApiClientBase(http)
{
    public Task<IReadOnlyList<KnownGrant>> ListKnownGrantsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<KnownGrant>>("api/procurement/grants", cancellationToken);

    public Task<ReferenceData> GetReferenceDataAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ReferenceData>("api/procurement/reference-data", cancellationToken);

    public Task<Page<Supplier>> ListSuppliersAsync(int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<Supplier>>("api/procurement/suppliers" + Query(("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<Page<Requisition>> ListRequisitionsAsync(Guid? grantId = null, string? status = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<Requisition>>("api/procurement/requisitions" + Query(("grantId", grantId), ("status", status), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<Supplier> RegisterSupplierAsync(NewSupplier supplier, CancellationToken cancellationToken = default) =>
        PostAsync<Supplier>("api/procurement/suppliers", supplier, cancellationToken);

    public Task<Requisition> RaiseRequisitionAsync(NewRequisition requisition, CancellationToken cancellationToken = default) =>
        PostAsync<Requisition>("api/procurement/requisitions", requisition, cancellationToken);

    public Task<Tender> CreateTenderAsync(NewTender tender, CancellationToken cancellationToken = default) =>
        PostAsync<Tender>("api/procurement/tenders", tender, cancellationToken);

    public Task<Tender> GetTenderAsync(Guid tenderId, CancellationToken cancellationToken = default) =>
        GetAsync<Tender>($"api/procurement/tenders/{tenderId}", cancellationToken);

    public Task<Page<Tender>> ListTendersAsync(Guid? grantId = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<Tender>>("api/procurement/tenders" + Query(("grantId", grantId), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public Task<Tender> PublishAsync(Guid tenderId, DateTime publishedAt, DateTime submissionDeadline, CancellationToken cancellationToken = default) =>
        PostAsync<Tender>($"api/procurement/tenders/{tenderId}/publication", new { publishedAt, submissionDeadline }, cancellationToken);

    public Task<Tender> CancelAsync(Guid tenderId, string reason, int? lotNumber = null, CancellationToken cancellationToken = default) =>
        PostAsync<Tender>($"api/procurement/tenders/{tenderId}/cancellation", new { reason, lotNumber }, cancellationToken);

    public Task<SealedBid> SubmitBidAsync(Guid tenderId, int lotNumber, NewBid bid, CancellationToken cancellationToken = default) =>
        PostAsync<SealedBid>($"api/procurement/tenders/{tenderId}/lots/{lotNumber}/bids", bid, cancellationToken);

    public Task<IReadOnlyList<Bid>> ListBidsAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Bid>>($"api/procurement/tenders/{tenderId}/lots/{lotNumber}/bids", cancellationToken);

    public Task<Tender> StartEvaluationAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default) =>
        PostAsync<Tender>($"api/procurement/tenders/{tenderId}/lots/{lotNumber}/evaluation", new { }, cancellationToken);

    public Task<Bid> EvaluateBidAsync(Guid tenderId, Guid bidId, BidEvaluation evaluation, CancellationToken cancellationToken = default) =>
        PostAsync<Bid>($"api/procurement/tenders/{tenderId}/bids/{bidId}/evaluation", evaluation, cancellationToken);

    public Task<Tender> ProposeAwardAsync(Guid tenderId, int lotNumber, CancellationToken cancellationToken = default) =>
        PostAsync<Tender>($"api/procurement/tenders/{tenderId}/lots/{lotNumber}/award-proposal", new { }, cancellationToken);

    public Task<Tender> StartStandstillAsync(Guid tenderId, int lotNumber, DateOnly notifiedOn, CancellationToken cancellationToken = default) =>
        PostAsync<Tender>($"api/procurement/tenders/{tenderId}/lots/{lotNumber}/standstill", new { notifiedOn }, cancellationToken);

    public Task<Tender> DecideAwardAsync(Guid tenderId, int lotNumber, DateOnly? decidedOn = null, CancellationToken cancellationToken = default) =>
        PostAsync<Tender>($"api/procurement/tenders/{tenderId}/lots/{lotNumber}/award", new { decidedOn }, cancellationToken);

    public Task<Contract> DraftContractAsync(Guid tenderId, int lotNumber, string reference, int warrantyMonths, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>($"api/procurement/tenders/{tenderId}/lots/{lotNumber}/contract", new { reference, warrantyMonths }, cancellationToken);

    public Task<Contract> SignContractAsync(Guid contractId, DateOnly signedOn, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>($"api/procurement/contracts/{contractId}/signature", new { signedOn }, cancellationToken);

    public Task<Contract> AmendContractAsync(Guid contractId, string reason, DateOnly amendedOn, IReadOnlyList<LineAmendment> lines, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>($"api/procurement/contracts/{contractId}/amendments", new { reason, amendedOn, lines }, cancellationToken);

    public Task<Contract> GetContractAsync(Guid contractId, CancellationToken cancellationToken = default) =>
        GetAsync<Contract>($"api/procurement/contracts/{contractId}", cancellationToken);

    public Task<Page<Contract>> ListContractsAsync(Guid? grantId = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<Contract>>("api/procurement/contracts" + Query(("grantId", grantId), ("page", page), ("pageSize", pageSize)), cancellationToken);

    public async Task<string> GetOcdsReleasePackageAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync("api/procurement/ocds/releases", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? body : throw new ApiException(response.StatusCode, "GET", "api/procurement/ocds/releases", body);
    }
}

public sealed record KnownGrant(Guid GrantId, string Reference, string Title, string DonorCode, decimal Amount, IReadOnlyList<string> CrossingPointCodes,
    IReadOnlyList<string> EligibleNationalities, IReadOnlyList<BudgetLineCommitment> BudgetLines);

public sealed record BudgetLineCommitment(string Code, string Description, decimal Amount, decimal Committed, decimal Available);

public sealed record ReferenceData(IReadOnlyList<ItemCategory> ItemCategories, string RuleSetEdition, DateOnly EffectiveFrom, IReadOnlyList<ProcedureRule> Procedures);

public sealed record ItemCategory(string Code, string Name);

/// <summary>A PRAG procedure and the estimated value from which it applies.</summary>
public sealed record ProcedureRule(string Procedure, decimal FromValue, int MinimumSubmissionDays, int MinimumInvitedSuppliers);

public sealed record NewSupplier(string LegalName, string CountryOfEstablishment, string RegistrationNumber, string ContactName, string ContactEmail, string? ContactPhone = null);

public sealed record Supplier(Guid Id, string LegalName, string CountryOfEstablishment, string RegistrationNumber, string ContactName, string ContactEmail, string? ContactPhone);

public sealed record NewRequisition(Guid GrantId, string BudgetLineCode, string ItemCategory, string TechnicalSpecification, int Quantity, decimal EstimatedUnitValue,
    string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly RequiredBy);

public sealed record Requisition(Guid Id, Guid GrantId, string DonorCode, string BudgetLineCode, string ItemCategory, string TechnicalSpecification, int Quantity,
    decimal EstimatedUnitValue, decimal EstimatedValue, string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly RequiredBy, string Status, Guid? TenderId);

public sealed record NewTender(string Reference, string Title, Guid GrantId, IReadOnlyList<NewLot> Lots, string AwardMethod = "LowestPrice", int PriceWeight = 0,
    IReadOnlyList<AwardCriterion>? QualityCriteria = null, IReadOnlyList<Guid>? InvitedSupplierIds = null);

public sealed record NewLot(string Title, IReadOnlyList<Guid> RequisitionIds);

public sealed record AwardCriterion(string Name, int Weight);

public sealed record Tender(Guid Id, string Reference, string Title, Guid GrantId, string DonorCode, string Procedure, string RuleSetEdition, int MinimumSubmissionDays,
    decimal EstimatedValue, string Currency, string AwardMethod, int PriceWeight, IReadOnlyList<AwardCriterion> QualityCriteria, IReadOnlyList<Guid> InvitedSupplierIds,
    DateTime? PublishedAt, DateTime? SubmissionDeadline, string Status, string? CancellationReason, IReadOnlyList<Lot> Lots);

public sealed record Lot(int Number, string Title, string Status, decimal EstimatedValue, IReadOnlyList<LotLine> Lines, Guid? ProposedBidId, DateOnly? StandstillEndsOn);

public sealed record LotLine(int LineNumber, Guid RequisitionId, string ItemCategory, int Quantity, decimal EstimatedUnitValue, string? DestinationCrossingPointCode);

public sealed record NewBid(Guid SupplierId, DateTime ReceivedAt, IReadOnlyList<NewBidLine> Lines);

public sealed record NewBidLine(int LineNumber, decimal UnitPrice, string CountryOfOrigin);

public sealed record SealedBid(Guid Id, Guid TenderId, int LotNumber, Guid SupplierId, string SupplierName, DateTime ReceivedAt);

public sealed record Bid(Guid Id, int LotNumber, Guid SupplierId, string SupplierName, string SupplierCountry, DateTime ReceivedAt, decimal TotalPrice,
    bool? AdministrativelyCompliant, bool? TechnicallyCompliant, string? EvaluationNotes, decimal? Score, int? Rank);

public sealed record BidEvaluation(bool AdministrativelyCompliant, bool TechnicallyCompliant, string? Notes = null, IReadOnlyDictionary<string, decimal>? QualityScores = null);

public sealed record LineAmendment(int LineNumber, int? Quantity, DateOnly? DeliveryDeadline);

public sealed record Contract(Guid Id, string Reference, Guid TenderId, int LotNumber, Guid GrantId, string DonorCode, Guid SupplierId, string SupplierName,
    string SupplierCountry, string Currency, string Status, DateOnly? SignedOn, int Version, decimal TotalValue, IReadOnlyList<ContractLine> Lines);

public sealed record ContractLine(int LineNumber, string ItemCategory, string Description, int Quantity, decimal UnitPrice, string CountryOfOrigin,
    string? DestinationCrossingPointCode, string? DestinationWarehouse, DateOnly DeliveryDeadline, int WarrantyMonths);
