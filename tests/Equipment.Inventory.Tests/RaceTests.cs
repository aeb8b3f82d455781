using System.Net.Http.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Data;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Tests;

/// <summary>50 logistics officers at once on the same write, all having read the same state: one wins, the others get 409, never 500.</summary>
public class RaceTests(ServiceFactory<Program> factory) : IClassFixture<ServiceFactory<Program>>
{
    private const int Racers = 50;
    private readonly HttpClient _logistics = factory.ClientAs(Roles.LogisticsOfficer, username: "logistics");

    [Fact]
    public async Task A_warehouse_code_is_registered_once()
    {
        var code = "WH-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var answers = await Race.RunAsync(factory.Gate, Racers, i => _logistics.PostAsJsonAsync("/api/inventory/warehouses",
            new { code, name = $"Warehouse {i}", countryCode = "TN", address = "Zone industrielle" }));
        Race.AssertOneWinner(answers);
        Assert.Equal(1, await factory.WithDbAsync<InventoryDbContext, int>(db => db.Warehouses.CountAsync(w => w.Code == code)));
    }
}
