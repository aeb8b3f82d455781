using Equipment.BuildingBlocks.Errors;

namespace Equipment.DonorReporting.Domain;

/// <summary>One version of a grant agreement as it stood: the original (version 1) or an amendment, with why and when.</summary>
public sealed class GrantVersion
{
    private GrantVersion() { }

    public GrantVersion(Guid grantId, int version, DateOnly effectiveOn, string reason, string recordedBy, DateTime recordedAt, string snapshot)
    {
        GrantId = grantId;
        Version = version;
        EffectiveOn = effectiveOn;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        Snapshot = snapshot;
    }

    public Guid GrantId { get; private set; }
    public int Version { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    /// <summary>The whole agreement at this version, as JSON.</summary>
    public string Snapshot { get; private set; } = "";
}

/// <summary>
/// A payment of the donor to the implementing partner under the grant (a pre-financing or interim tranche): reported
/// to IATI as a disbursement. The donor's own fact, so donor-reporting owns it.
/// </summary>
public sealed class Disbursement
{
    private Disbursement() { }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public decimal Amount { get; private set; }
    public string Reference { get; private set; } = "";

    public static Disbursement Record(Grant grant, DateOnly paidOn, decimal amount, string reference, decimal alreadyDisbursed, DateOnly today)
    {
        if (amount <= 0) throw new RuleViolationException("amount", "GreaterThan", "A disbursement is more than zero.");
        if (paidOn > today) throw new RuleViolationException("paidOn", "NotInFuture", "A disbursement is recorded once paid.");
        if (paidOn < grant.StartDate)
            throw new RuleViolationException("paidOn", "WithinGrantPeriod", $"Grant {grant.Reference} starts on {grant.StartDate:yyyy-MM-dd}.");
        if (alreadyDisbursed + amount > grant.Amount)
            throw new ConflictException(
                $"Grant {grant.Reference} has {alreadyDisbursed:N2} {grant.Currency} disbursed of {grant.Amount:N2}; {amount:N2} more would exceed it.", "WithinGrantAmount");
        return new Disbursement { Id = Guid.NewGuid(), GrantId = grant.Id, PaidOn = paidOn, Amount = amount, Reference = reference };
    }
}
