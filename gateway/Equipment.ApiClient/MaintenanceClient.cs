namespace Equipment.ApiClient;

/// <summary><c>/api/maintenance</c>: the assets technicians look after.</summary>
public sealed class MaintenanceClient(HttpClient http) : ApiClientBase(http)
{
    public Task<Page<MaintainedAsset>> ListAssetsAsync(string? crossingPointCode = null, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        GetAsync<Page<MaintainedAsset>>("api/maintenance/assets" + Query(("crossingPointCode", crossingPointCode), ("page", page), ("pageSize", pageSize)), cancellationToken);
}

public sealed record MaintainedAsset(
    Guid AssetId, string SerialNumber, string ItemCategory, string Description, Guid GrantId,
    string? CrossingPointCode, DateOnly? DeployedOn, DateOnly WarrantyEndsOn, bool UnderWarranty);
