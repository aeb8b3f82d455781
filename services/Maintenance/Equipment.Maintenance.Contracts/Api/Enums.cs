namespace Equipment.Maintenance.Contracts.Api;

/// <summary>An asset's operational status, as maintenance records it.</summary>
public enum OperationalStatus { Operational, Degraded, OutOfService, UnderRepair, Disposed }

public enum FaultSeverity { Low, Medium, High, Critical }

public enum WorkOrderKind { Preventive, Corrective }

public enum WorkOrderStatus { Open, Scheduled, InProgress, Completed, Cancelled }

public enum WarrantyClaimStatus { Raised, Accepted, Rejected, Resolved }
