namespace Equipment.Maintenance.Contracts;

/// <summary>
/// Maintenance publishes nothing yet: the walking skeleton only keeps its copy of the asset register.
/// Its events (<c>maintenance.asset-status-changed</c>, <c>maintenance.work-order-completed</c>, …) arrive with the
/// maintenance issue, as records beside this class.
/// </summary>
public static class MaintenanceTopics;
