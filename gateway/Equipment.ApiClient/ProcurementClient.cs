namespace Equipment.ApiClient;

/// <summary><c>/api/procurement</c>: the grants procurement knows, and supply contracts.</summary>
public sealed class ProcurementClient(HttpClient http) : ApiClientBase(http)
{
    public Task<IReadOnlyList<KnownGrant>> ListKnownGrantsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<KnownGrant>>("api/procurement/grants", cancellationToken);

    public Task<Contract> DraftContractAsync(NewContract contract, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>("api/procurement/contracts", contract, cancellationToken);

    public Task<Contract> SignContractAsync(Guid contractId, DateOnly signedOn, CancellationToken cancellationToken = default) =>
        PostAsync<Contract>($"api/procurement/contracts/{contractId}/signature", new { signedOn }, cancellationToken);

    public Task<Contract> GetContractAsync(Guid contractId, CancellationToken cancellationToken = default) =>
        GetAsync<Contract>($"api/procurement/contracts/{contractId}", cancellationToken);

    public Task<Page<Contract>> ListContractsAsync(Guid? grantId = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<Contract>>("api/procurement/contracts" + Query(("grantId", grantId), ("page", page), ("pageSize", pageSize)), cancellationToken);
}

public sealed record KnownGrant(Guid GrantId, string Reference, string DonorCode, decimal Amount, IReadOnlyList<string> CrossingPointCodes);

public sealed record NewContract(string Reference, Guid GrantId, string SupplierName, string SupplierCountry, IReadOnlyList<NewContractLine> Lines);

public sealed record NewContractLine(
    string ItemCategory, string Description, int Quantity, decimal UnitPrice, string DestinationCrossingPointCode,
    DateOnly DeliveryDeadline, int WarrantyMonths);

public sealed record Contract(
    Guid Id, string Reference, Guid GrantId, string DonorCode, string SupplierName, string SupplierCountry, string Currency,
    string Status, DateOnly? SignedOn, decimal TotalValue, IReadOnlyList<ContractLine> Lines);

public sealed record ContractLine(
    int LineNumber, string ItemCategory, string Description, int Quantity, decimal UnitPrice, string DestinationCrossingPointCode,
    DateOnly DeliveryDeadline, int WarrantyMonths);
