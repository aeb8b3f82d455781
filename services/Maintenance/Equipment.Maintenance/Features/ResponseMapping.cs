using Equipment.Maintenance.Domain;

namespace Equipment.Maintenance.Features;

/// <summary>The contract records built from the domain: <c>XResponse.From(entity)</c>.</summary>
public static class ResponseMapping
{
    extension(WorkOrderResponse)
    {
        public static WorkOrderResponse From(WorkOrder w, Guid? claimId, string? serialNumber = null) => new(
            w.Id, w.AssetId, w.Kind, w.FaultReportId, w.Status, w.OpenedAt, w.ScheduledFor, w.Technician, w.Parts, w.PartsCost, w.LabourHours, w.Outcome,
            w.CompletedOn, claimId, w.StartedOn, serialNumber);
    }

    extension(FaultReportResponse)
    {
        public static FaultReportResponse From(FaultReport f) => new(f.Id, f.AssetId, f.Symptom, f.Severity, f.ReportedBy, f.ReportedAt);
    }

    extension(MaintenancePlanResponse)
    {
        public static MaintenancePlanResponse From(MaintenancePlan p) => new(p.ItemCategory, p.IntervalDays, p.IntervalUsageHours, p.IntervalKm, p.Checklist);
    }

    extension(StatusChangeResponse)
    {
        public static StatusChangeResponse From(StatusChange s) => new(s.Id, s.AssetId, s.Status, s.At, s.Reason, s.By);
    }

    extension(UsageLogResponse)
    {
        public static UsageLogResponse From(UsageLog u) => new(u.Id, u.AssetId, u.From, u.To, u.Hours, u.Km, u.Patrols, u.By);
    }

    extension(WarrantyClaimResponse)
    {
        public static WarrantyClaimResponse From(WarrantyClaim w, string? serialNumber) =>
            new(w.Id, w.AssetId, w.WorkOrderId, w.SupplierName, w.RaisedOn, w.Status, w.SupplierBore, w.Notes, serialNumber);
    }
}
