using Equipment.BuildingBlocks.Errors;
using Equipment.Procurement.Domain;

namespace Equipment.Procurement.Tests;

public class ContractRulesTests
{
    private static readonly KnownGrant Grant = new(Guid.NewGuid(), "NDICI/2022/01", "EU-DGNEAR", 4_000_000m, ["TN-RAS-AJDIR", "TN-DEHIBA-WAZIN"]);

    private static ContractLine Line(string destination = "TN-RAS-AJDIR") =>
        new(1, "ThermalCamera", "Thermal camera", 2, 40_000m, destination, new DateOnly(2026, 6, 1), 24);

    [Fact]
    public void A_draft_takes_the_grant_and_donor_and_sums_its_lines()
    {
        var contract = Contract.Draft("C-1", Grant, "Thermovision GmbH", "DE", [Line(), Line("TN-DEHIBA-WAZIN") with { LineNumber = 2, Quantity = 1 }]);
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Equal("EU-DGNEAR", contract.DonorCode);
        Assert.Equal(120_000m, contract.TotalValue);
    }

    [Fact]
    public void Every_line_goes_to_an_agreed_crossing_point_of_the_grant()
    {
        var e = Assert.Throws<RuleViolationException>(() => Contract.Draft("C-1", Grant, "S", "DE", [Line(), Line("EG-SALLOUM")]));
        Assert.Equal("lines[1].destinationCrossingPointCode", e.Field);
        Assert.Equal("AgreedCrossingPoint", e.Rule);
    }

    [Fact]
    public void A_signed_contract_cannot_be_signed_again()
    {
        var contract = Contract.Draft("C-1", Grant, "S", "DE", [Line()]);
        contract.Sign(new DateOnly(2025, 1, 10));
        var e = Assert.Throws<StateConflictException>(() => contract.Sign(new DateOnly(2025, 1, 11)));
        Assert.Equal("Signed", e.CurrentState);
        Assert.Equal(new DateOnly(2025, 1, 10), contract.SignedOn);
    }
}
