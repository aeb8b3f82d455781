using Equipment.BuildingBlocks.Errors;

namespace Equipment.DonorReporting.Domain;

/// <summary>
/// An end-use verification visit: a risk-based sample of a grant's deployed assets, drawn reproducibly from a seed,
/// then a finding per sampled asset and follow-up actions.
/// </summary>
public sealed class VerificationVisit
{
    private VerificationVisit() { }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public string? CrossingPointCode { get; private set; }
    public DateOnly PlannedFor { get; private set; }
    public string Monitor { get; private set; } = "";
    public int Seed { get; private set; }
    public SampleWeights Weights { get; private set; } = new(1, 1, 1);
    public List<Guid> SampledAssetIds { get; private set; } = [];
    public VisitStatus Status { get; private set; }
    public DateOnly? VisitedOn { get; private set; }
    public List<AssetObservation> Findings { get; private set; } = [];
    public List<FollowUp> FollowUps { get; private set; } = [];

    public static VerificationVisit Plan(Grant grant, string? crossingPointCode, DateOnly plannedFor, string monitor, int seed, SampleWeights weights,
        IReadOnlyList<Guid> sample) => new()
    {
        Id = Guid.NewGuid(),
        GrantId = grant.Id,
        DonorCode = grant.DonorCode,
        CrossingPointCode = crossingPointCode,
        PlannedFor = plannedFor,
        Monitor = monitor,
        Seed = seed,
        Weights = weights,
        SampledAssetIds = sample.ToList(),
        Status = VisitStatus.Planned,
    };

    /// <summary>
    /// Records what was found, once, on a day that has come and not before any sampled asset was first deployed
    /// (<paramref name="firstDeployedOn"/>: what reporting knows of each sampled asset's first deployment).
    /// </summary>
    public void Record(DateOnly visitedOn, IReadOnlyList<AssetObservation> findings, IReadOnlyList<FollowUp> followUps, DateOnly today,
        IReadOnlyDictionary<Guid, DateOnly>? firstDeployedOn = null)
    {
        if (Status != VisitStatus.Planned)
            throw new StateConflictException($"Visit {Id} was recorded on {VisitedOn:yyyy-MM-dd}.", Status.ToString(), [nameof(VisitStatus.Planned)]);
        if (visitedOn > today) throw new RuleViolationException("visitedOn", "NotInFuture", "A visit is recorded once it took place.");
        for (var i = 0; i < findings.Count; i++)
            if (!SampledAssetIds.Contains(findings[i].AssetId))
                throw new RuleViolationException($"findings[{i}].assetId", "SampledAsset", $"Asset {findings[i].AssetId} is not in this visit's sample.");
        for (var i = 0; i < findings.Count; i++)
            if (firstDeployedOn?.GetValueOrDefault(findings[i].AssetId) is { } deployed && deployed != default && visitedOn < deployed)
                throw new RuleViolationException("visitedOn", "NotBeforeDeployment",
                    $"Asset {findings[i].AssetId} was deployed on {deployed:yyyy-MM-dd}; a visit on {visitedOn:yyyy-MM-dd}, before its deployment, cannot have found it there.");
        var missing = SampledAssetIds.Except(findings.Select(f => f.AssetId)).FirstOrDefault();
        if (missing != Guid.Empty)
            throw new RuleViolationException("findings", "EverySampledAsset", $"Sampled asset {missing} has no finding; record NotFound if it could not be seen.");
        Status = VisitStatus.Recorded;
        VisitedOn = visitedOn;
        Findings = findings.ToList();
        FollowUps = followUps.ToList();
    }

    /// <summary>
    /// Saves what was found of one sampled asset as soon as it is seen, so that a lost connection loses at most the asset being
    /// recorded; saving it again replaces it (the monitor corrects it) until the visit is completed.
    /// </summary>
    public void SaveFinding(AssetObservation finding, DateTime nowUtc)
    {
        if (Status != VisitStatus.Planned)
            throw new StateConflictException($"Visit {Id} was completed on {VisitedOn:yyyy-MM-dd}: its findings are closed.", Status.ToString(), [nameof(VisitStatus.Planned)]);
        if (!SampledAssetIds.Contains(finding.AssetId))
            throw new RuleViolationException("assetId", "SampledAsset", $"Asset {finding.AssetId} is not in this visit's sample.");
        if (finding.ObservedAt > nowUtc.AddMinutes(5))
            throw new RuleViolationException("observedAt", "NotInFuture", "A finding is saved once it is made.");
        Findings = [.. Findings.Where(f => f.AssetId != finding.AssetId), finding];
    }

    /// <summary>The sampled assets still without a finding, in the sample's order.</summary>
    public IReadOnlyList<Guid> Unrecorded => SampledAssetIds.Where(id => Findings.All(f => f.AssetId != id)).ToList();

    /// <summary>
    /// Completes a visit whose findings were saved one asset at a time: every sampled asset has one, and the visit is recorded
    /// as <see cref="Record"/> records it (the day, the follow-ups, the same rules).
    /// </summary>
    public void Complete(DateOnly visitedOn, IReadOnlyList<FollowUp> followUps, DateOnly today, IReadOnlyDictionary<Guid, DateOnly>? firstDeployedOn = null)
    {
        if (Status == VisitStatus.Planned && Unrecorded.FirstOrDefault() is var missing && missing != Guid.Empty)
            throw new RuleViolationException("findings", "EverySampledAsset", $"Sampled asset {missing} has no finding yet; save one (NotFound if it could not be seen) before completing the visit.");
        Record(visitedOn, SampledAssetIds.Select(id => Findings.Single(f => f.AssetId == id)).ToList(), followUps, today, firstDeployedOn);
    }

    /// <summary>A finding's evidence (photos) is added while the visit is open; a recorded visit is closed.</summary>
    public string? EvidenceClosedState => Status == VisitStatus.Planned ? null : Status.ToString();

    /// <summary>Marks follow-up <paramref name="number"/> (from 1) done: once, on a day between the visit and today.</summary>
    public FollowUp CompleteFollowUp(int number, DateOnly doneOn, string by, string outcome, DateOnly today)
    {
        if (Status != VisitStatus.Recorded)
            throw new StateConflictException($"Visit {Id} has not been recorded: it has no follow-ups yet.", Status.ToString(), [nameof(VisitStatus.Recorded)]);
        if (number < 1 || number > FollowUps.Count)
            throw new NotFoundException($"Visit {Id} has {FollowUps.Count} follow-up(s); there is no number {number}.");
        var followUp = FollowUps[number - 1];
        if (!followUp.IsOpen)
            throw new StateConflictException($"Follow-up {number} of visit {Id} was done on {followUp.DoneOn:yyyy-MM-dd} by {followUp.DoneBy}.", "Done", ["Open"]);
        if (doneOn > today) throw new RuleViolationException("doneOn", "NotInFuture", "A follow-up is marked done once it is.");
        if (doneOn < VisitedOn)
            throw new RuleViolationException("doneOn", "NotBeforeVisit", $"The visit took place on {VisitedOn:yyyy-MM-dd}; its follow-up cannot be done on {doneOn:yyyy-MM-dd}, before it.");
        var done = followUp with { DoneOn = doneOn, DoneBy = by, Outcome = outcome };
        FollowUps = [.. FollowUps.Take(number - 1), done, .. FollowUps.Skip(number)];
        return done;
    }
}

/// <summary>
/// Risk-based sampling without replacement (Efraimidis–Spirakis): each candidate gets the key u^(1/w) for a uniform u
/// from a seeded generator, and the largest keys are sampled. The same candidates, weights and seed give the same sample.
/// </summary>
public static class RiskSample
{
    public sealed record Candidate(Guid AssetId, decimal Value, int DaysSinceLastVisit, int AdverseFindings);

    public static IReadOnlyList<Guid> Draw(IReadOnlyList<Candidate> candidates, int size, SampleWeights weights, int seed)
    {
        if (candidates.Count == 0) return [];
        var maxValue = (double)Math.Max(candidates.Max(c => c.Value), 1m);
        var maxDays = Math.Max(candidates.Max(c => c.DaysSinceLastVisit), 1);
        var maxFindings = Math.Max(candidates.Max(c => c.AdverseFindings), 1);
        var random = new Random(seed);
        return candidates
            .OrderBy(c => c.AssetId)                                       // a stable order, so the seed alone decides
            .Select(c =>
            {
                var weight = 0.1
                    + weights.Value * (double)c.Value / maxValue
                    + weights.TimeSinceLastVisit * c.DaysSinceLastVisit / maxDays
                    + weights.EarlierFindings * c.AdverseFindings / maxFindings;
                return (c.AssetId, Key: Math.Pow(random.NextDouble(), 1 / weight));
            })
            .OrderByDescending(x => x.Key)
            .Take(size)
            .Select(x => x.AssetId)
            .ToList();
    }
}

/// <summary>An allegation that equipment is misused. Entries are never deleted; their status and outcome move on.</summary>
public sealed class MisuseAllegation
{
    private MisuseAllegation() { }

    public MisuseAllegation(Guid grantId, string donorCode, Guid? assetId, string reportedBy, string allegation, DateTime receivedAt)
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        DonorCode = donorCode;
        AssetId = assetId;
        ReportedBy = reportedBy;
        Allegation = allegation;
        ReceivedAt = receivedAt;
        Status = AllegationStatus.Received;
    }

    public Guid Id { get; private set; }
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public Guid? AssetId { get; private set; }
    public string ReportedBy { get; private set; } = "";
    public string Allegation { get; private set; } = "";
    public DateTime ReceivedAt { get; private set; }
    public AllegationStatus Status { get; private set; }
    public string? Outcome { get; private set; }

    public void Update(AllegationStatus status, string? outcome)
    {
        if (Status == AllegationStatus.Closed)
            throw new StateConflictException($"Allegation {Id} is closed.", Status.ToString(), []);
        if (status is AllegationStatus.Substantiated or AllegationStatus.Unsubstantiated or AllegationStatus.Closed && string.IsNullOrWhiteSpace(outcome ?? Outcome))
            throw new RuleViolationException("outcome", "OutcomeRecorded", "A concluded allegation records its outcome.");
        Status = status;
        Outcome = outcome ?? Outcome;
    }
}
