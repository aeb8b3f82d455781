using Equipment.BuildingBlocks.Errors;
using Equipment.Maintenance.Domain;

namespace Equipment.Maintenance.Tests;

public class MaintenanceRulesTests
{
    private static readonly DateTime Day0 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static StatusChange At(double days, OperationalStatus status) => new(Guid.Empty, status, Day0.AddDays(days), "", "t");

    [Fact]
    public void Availability_is_time_weighted_and_clipped_at_the_period_edges()
    {
        // Operational days 0–4, out of service 4–6, under repair 6–7, operational from day 7.
        var history = new[] { At(0, OperationalStatus.Operational), At(4, OperationalStatus.OutOfService), At(6, OperationalStatus.UnderRepair), At(7, OperationalStatus.Operational) };

        var all = Availability.For(history, Day0, Day0.AddDays(10));                  // 4 + 3 operational of 10
        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromDays(10)), all);
        Assert.Equal(0.7, Availability.Share(all));

        var middle = Availability.For(history, Day0.AddDays(3), Day0.AddDays(8));     // days 3–4 and 7–8 operational of 5
        Assert.Equal(0.4, Availability.Share(middle));

        var before = Availability.For(history, Day0.AddDays(-5), Day0.AddDays(2));    // only days 0–2 are known
        Assert.Equal((TimeSpan.FromDays(2), TimeSpan.FromDays(2)), before);

        var halfDay = Availability.For(history, Day0.AddDays(5.5), Day0.AddDays(7.5)); // 0.5 operational of 2
        Assert.Equal(0.25, Availability.Share(halfDay));
        Assert.Null(Availability.Share(Availability.For(history, Day0.AddDays(-3), Day0)));
    }

    [Fact]
    public void Availability_stops_at_now_when_the_period_ends_in_the_future()
    {
        var history = new[] { At(0, OperationalStatus.Operational), At(4, OperationalStatus.OutOfService) };
        var now = Day0.AddDays(5);
        var counted = Availability.For(history, Day0, Day0.AddDays(10), now);        // 4 operational of the 5 days that have passed
        Assert.Equal((TimeSpan.FromDays(4), TimeSpan.FromDays(5)), counted);
        Assert.Equal(0.8, Availability.Share(counted));
        Assert.Equal(Availability.For(history, Day0, Day0.AddDays(10)), Availability.For(history, Day0, Day0.AddDays(10), Day0.AddDays(11)));
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), Availability.For(history, Day0.AddDays(6), Day0.AddDays(8), now));
    }

    [Fact]
    public void Warranty_covers_its_last_day_and_not_the_day_after()
    {
        var asset = new MaintainedAsset(Guid.NewGuid(), "TC-1", "ThermalCamera", "Camera", Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2027, 3, 1));
        Assert.True(asset.IsUnderWarranty(new DateOnly(2027, 3, 1)));
        Assert.False(asset.IsUnderWarranty(new DateOnly(2027, 3, 2)));
    }

    [Fact]
    public void Preventive_maintenance_is_overdue_from_the_day_after_it_was_due()
    {
        var schedule = new PlanSchedule(Guid.NewGuid(), "PatrolVehicle", new DateOnly(2026, 1, 1), 90);
        Assert.Equal(new DateOnly(2026, 4, 1), schedule.NextDueOn);
        Assert.False(schedule.IsOverdue(new DateOnly(2026, 4, 1)));
        Assert.True(schedule.IsOverdue(new DateOnly(2026, 4, 2)));
        schedule.Done(new DateOnly(2026, 4, 5));
        Assert.Equal(new DateOnly(2026, 7, 4), schedule.NextDueOn);
    }

    [Fact]
    public void Every_illegal_work_order_transition_is_a_conflict_naming_the_current_state()
    {
        var steps = new (string Name, WorkOrderStatus Target, Action<WorkOrder> Act)[]
        {
            ("schedule", WorkOrderStatus.Scheduled, w => w.Schedule(new DateOnly(2026, 3, 2), "tech")),
            ("start", WorkOrderStatus.InProgress, w => w.Start(new DateOnly(2026, 3, 2))),
            ("complete", WorkOrderStatus.Completed, w => w.Complete(new DateOnly(2026, 3, 3), [], 2, "fixed")),
            ("cancel", WorkOrderStatus.Cancelled, w => w.Cancel("not needed")),
        };
        var allowed = new Dictionary<WorkOrderStatus, WorkOrderStatus[]>
        {
            [WorkOrderStatus.Open] = [WorkOrderStatus.Scheduled, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.Scheduled] = [WorkOrderStatus.InProgress, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.InProgress] = [WorkOrderStatus.Completed, WorkOrderStatus.Cancelled],
            [WorkOrderStatus.Completed] = [],
            [WorkOrderStatus.Cancelled] = [],
        };
        foreach (var state in Enum.GetValues<WorkOrderStatus>())
        foreach (var step in steps)
        {
            var order = InState(state);
            if (allowed[state].Contains(step.Target))
            {
                step.Act(order);
                Assert.Equal(step.Target, order.Status);
            }
            else
            {
                var e = Assert.Throws<StateConflictException>(() => step.Act(order));
                Assert.Equal(state.ToString(), e.CurrentState);
            }
        }
    }

    [Fact]
    public void A_work_order_is_completed_on_or_after_the_day_it_started()
    {
        var order = InState(WorkOrderStatus.InProgress);                            // started 2026-03-02
        Assert.Equal(new DateOnly(2026, 3, 2), order.StartedOn);
        var e = Assert.Throws<RuleViolationException>(() => order.Complete(new DateOnly(2026, 3, 1), [], 1, "fixed"));
        Assert.Equal(("on", "NotBeforeStart"), (e.Field, e.Rule));
        Assert.Contains("2026-03-02", e.Message);
        Assert.Contains("2026-03-01", e.Message);
        Assert.Equal(WorkOrderStatus.InProgress, order.Status);
        order.Complete(new DateOnly(2026, 3, 2), [], 1, "fixed the same day");
        Assert.Equal(WorkOrderStatus.Completed, order.Status);
    }

    private static WorkOrder InState(WorkOrderStatus state)
    {
        var order = new WorkOrder(Guid.NewGuid(), WorkOrderKind.Corrective, null, Day0);
        if (state == WorkOrderStatus.Cancelled) { order.Cancel("x"); return order; }
        if (state == WorkOrderStatus.Open) return order;
        order.Schedule(new DateOnly(2026, 3, 2), "tech");
        if (state == WorkOrderStatus.Scheduled) return order;
        order.Start(new DateOnly(2026, 3, 2));
        if (state == WorkOrderStatus.InProgress) return order;
        order.Complete(new DateOnly(2026, 3, 3), [new PartUsed("Cooler", 1, 1_200m)], 3, "Cooler replaced");
        return order;
    }

    [Fact]
    public void Usage_is_never_negative_overlapping_or_in_the_future()
    {
        var asset = Guid.NewGuid();
        var today = new DateOnly(2026, 3, 31);
        var march = UsageLog.Record(asset, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15), 120, null, null, today, [], "t");
        Assert.Equal("hours", Assert.Throws<RuleViolationException>(() => UsageLog.Record(asset, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 20), -1, null, null, today, [march], "t")).Field);
        Assert.Equal("NoOverlap", Assert.Throws<ConflictException>(() => UsageLog.Record(asset, new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 20), 5, null, null, today, [march], "t")).Rule);
        Assert.Equal("to", Assert.Throws<RuleViolationException>(() => UsageLog.Record(asset, new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 1), 5, null, null, today, [march], "t")).Field);
        UsageLog.Record(asset, new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 31), null, 840, 12, today, [march], "t");
    }

    [Fact]
    public void A_claim_is_raised_on_a_job_opened_within_the_warranty_once_and_never_on_a_cancelled_job()
    {
        var asset = new MaintainedAsset(Guid.NewGuid(), "TC-1", "ThermalCamera", "Thermal camera", Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2027, 3, 1),
            supplierName: "Thermovision");
        var onLastDay = new WorkOrder(asset.AssetId, WorkOrderKind.Preventive, null, new DateTime(2027, 3, 1, 23, 59, 0, DateTimeKind.Utc));
        var claim = WarrantyClaim.RaiseFor(onLastDay, asset, existing: null, today: new DateOnly(2027, 4, 10));
        Assert.Equal((onLastDay.Id, "Thermovision", new DateOnly(2027, 4, 10), WarrantyClaimStatus.Raised), (claim.WorkOrderId, claim.SupplierName, claim.RaisedOn, claim.Status));

        Assert.Equal("OneClaimPerWorkOrder", Assert.Throws<ConflictException>(() => WarrantyClaim.RaiseFor(onLastDay, asset, claim, new DateOnly(2027, 4, 10))).Rule);

        var dayAfter = new WorkOrder(asset.AssetId, WorkOrderKind.Corrective, null, new DateTime(2027, 3, 2, 0, 0, 0, DateTimeKind.Utc));
        var late = Assert.Throws<RuleViolationException>(() => WarrantyClaim.RaiseFor(dayAfter, asset, null, new DateOnly(2027, 3, 2)));
        Assert.Equal(("workOrderId", "UnderWarranty"), (late.Field, late.Rule));

        var cancelled = new WorkOrder(asset.AssetId, WorkOrderKind.Corrective, null, new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        cancelled.Cancel("Opened twice");
        Assert.Equal("Cancelled", Assert.Throws<StateConflictException>(() => WarrantyClaim.RaiseFor(cancelled, asset, null, new DateOnly(2027, 2, 2))).CurrentState);
    }

    [Fact]
    public void A_warranty_claim_is_decided_then_resolved_and_a_rejected_one_leaves_nothing_to_the_supplier()
    {
        var claim = new WarrantyClaim(Guid.NewGuid(), Guid.NewGuid(), "Thermovision", new DateOnly(2026, 3, 1));
        Assert.Throws<StateConflictException>(() => claim.Resolve(100));
        claim.Decide(accepted: false, "Damage by misuse");
        Assert.Throws<RuleViolationException>(() => claim.Resolve(100));
        claim.Resolve(0);
        Assert.Equal(WarrantyClaimStatus.Resolved, claim.Status);
        Assert.Throws<StateConflictException>(() => claim.Decide(true, null));
    }
}
