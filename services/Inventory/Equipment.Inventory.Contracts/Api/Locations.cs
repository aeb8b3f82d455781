namespace Equipment.Inventory.Contracts.Api;

/// <summary><c>POST /warehouses</c>.</summary>
public sealed record RegisterWarehouseRequest(string Code, string Name, string CountryCode, string Address);

public sealed record WarehouseResponse(string Code, string Name, string CountryCode, string Address);

/// <summary>A crossing point agreed in a grant, as inventory knows it.</summary>
public sealed record KnownCrossingPoint(string Code, string Name, string CountryCode, string NeighbourCountryCode, double Latitude, double Longitude, string? Authority);

/// <summary><c>GET /locations</c>: the warehouses and the crossing points agreed in grants.</summary>
public sealed record LocationsResponse(IReadOnlyList<WarehouseResponse> Warehouses, IReadOnlyList<CrossingPointResponse> CrossingPoints);

public sealed record CrossingPointResponse(Guid GrantId, string GrantReference, KnownCrossingPoint CrossingPoint);
