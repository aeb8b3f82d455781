namespace Equipment.DonorReporting.Contracts.Api;

public enum FundingInstrument { NdiciGlobalEurope, IpaIii, IpaIi, EuropeanNeighbourhoodInstrument, Bmvi, Amif, Isf }

public enum IndicatorMeasure { Unit, Percentage }

/// <summary>What feeds an indicator's actual value.</summary>
public enum IndicatorSource
{
    /// <summary>Units deployed at the grant's agreed crossing points (inventory's events).</summary>
    AssetsDeployed,
    /// <summary>Of the assets monitors have verified, the share last found where expected and with signs of use.</summary>
    VerifiedInUse,
    /// <summary>Time-weighted availability of the deployed assets (maintenance's events).</summary>
    Availability,
    /// <summary>Of the deployed assets, the share seen in a verification visit.</summary>
    VerificationCoverage,
}

/// <summary>What a monitor found of a sampled asset.</summary>
public enum Finding { FoundAsExpected, Relocated, NotFound, Unused, Misused }

public enum VisitStatus { Planned, Recorded }

public enum AllegationStatus { Received, UnderInvestigation, Substantiated, Unsubstantiated, Closed }
