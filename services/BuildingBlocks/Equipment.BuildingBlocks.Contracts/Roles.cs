namespace Equipment.BuildingBlocks.Contracts;

/// <summary>The five roles a token can carry.</summary>
public static class Roles
{
    public const string ProcurementOfficer = nameof(ProcurementOfficer);
    public const string LogisticsOfficer = nameof(LogisticsOfficer);
    public const string MaintenanceTechnician = nameof(MaintenanceTechnician);
    public const string DonorMonitor = nameof(DonorMonitor);
    public const string Administrator = nameof(Administrator);

    public static readonly string[] All = [ProcurementOfficer, LogisticsOfficer, MaintenanceTechnician, DonorMonitor, Administrator];
}
