using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

/// <summary>
/// A supply tender built from whole requisitions, split into lots. The procedure follows from the value of all lots
/// together under the PRAG rule set in force. Each lot runs its own state machine:
/// Draft → Published → SubmissionClosed (at the deadline) → Evaluation → AwardProposed → Standstill → Awarded →
/// ContractSigned; Cancelled from any non-final state; Unsuccessful when no bid is compliant. Under an edition that asks
/// for one, the evaluation committee is recorded before any lot's bids are opened (the move to Evaluation).
/// </summary>
public sealed class Tender
{
    private static readonly Dictionary<LotStatus, LotStatus[]> Transitions = new()
    {
        [LotStatus.Draft] = [LotStatus.Published, LotStatus.Cancelled],
        [LotStatus.Published] = [LotStatus.SubmissionClosed, LotStatus.Cancelled],
        [LotStatus.SubmissionClosed] = [LotStatus.Evaluation, LotStatus.Cancelled],
        [LotStatus.Evaluation] = [LotStatus.AwardProposed, LotStatus.Unsuccessful, LotStatus.Cancelled],
        [LotStatus.AwardProposed] = [LotStatus.Standstill, LotStatus.Cancelled],
        [LotStatus.Standstill] = [LotStatus.Awarded, LotStatus.Cancelled],
        [LotStatus.Awarded] = [LotStatus.ContractSigned, LotStatus.Cancelled],
        [LotStatus.ContractSigned] = [],
        [LotStatus.Cancelled] = [],
        [LotStatus.Unsuccessful] = [],
    };

    private readonly List<Lot> _lots = [];
    private readonly List<Clarification> _clarifications = [];

    private Tender() { }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public Procedure Procedure { get; private set; }
    public string RuleSetEdition { get; private set; } = "";
    public int MinimumSubmissionDays { get; private set; }
    public int MinimumInvitedSuppliers { get; private set; }
    public decimal EstimatedValue { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public AwardMethod AwardMethod { get; private set; }
    public int PriceWeight { get; private set; }
    public List<AwardCriterion> QualityCriteria { get; private set; } = [];
    public List<Guid> InvitedSupplierIds { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? SubmissionDeadline { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    /// <summary>
    /// The voting evaluators the edition the tender was built under asks for at least (an odd number, beside a
    /// non-voting chair and secretary) before the bids are opened; null: that edition, as stored here, asks for no committee.
    /// </summary>
    public int? MinimumVotingEvaluators { get; private set; }
    /// <summary>Who opens and evaluates the bids; replaced as a whole, and only until a lot's bids are opened.</summary>
    public EvaluationCommittee? EvaluationCommittee { get; private set; }
    public IReadOnlyList<Lot> Lots => _lots;
    public IReadOnlyList<Clarification> Clarifications => _clarifications;

    public static Tender Create(
        string reference, string title, KnownGrant grant, IReadOnlyList<(string Title, IReadOnlyList<Requisition> Requisitions)> lots,
        AwardMethod awardMethod, int priceWeight, IReadOnlyList<AwardCriterion> qualityCriteria, IReadOnlyList<Guid> invitedSupplierIds,
        ProcedureRuleSet rules, DateTime nowUtc)
    {
        if (lots.Count == 0 || lots.Any(l => l.Requisitions.Count == 0))
            throw new RuleViolationException("lots", "NotEmpty", "A tender has at least one lot, and every lot at least one requisition.");
        var requisitions = lots.SelectMany(l => l.Requisitions).ToList();
        if (requisitions.Any(r => r.GrantId != grant.GrantId))
            throw new RuleViolationException("lots", "SameGrant", $"Every requisition of a tender must be against grant {grant.Reference}.");
        if (requisitions.Select(r => r.Id).Distinct().Count() != requisitions.Count)
            throw new RuleViolationException("lots", "RequisitionOnce", "A requisition appears in more than one lot.");
        if (awardMethod == AwardMethod.BestValue)
        {
            if (qualityCriteria.Count == 0 || priceWeight + qualityCriteria.Sum(c => c.Weight) != 100)
                throw new RuleViolationException("qualityCriteria", "WeightsAddUpTo100",
                    "Best value needs quality criteria whose weights, with the price weight, add up to 100.");
            if (priceWeight <= 0)
                throw new RuleViolationException("priceWeight", "GreaterThan", "Best value gives price a weight above 0.");
        }

        var estimated = requisitions.Sum(r => r.EstimatedValue);
        var rule = rules.For(estimated);
        if (invitedSupplierIds.Distinct().Count() < rule.MinimumInvitedSuppliers)
            throw new RuleViolationException("invitedSupplierIds", "MinimumInvitedSuppliers",
                $"A {rule.Procedure} (estimated {estimated:N2} EUR) invites at least {rule.MinimumInvitedSuppliers} suppliers ({rules.Edition}{(rule.PragSection is { } section ? $", {section}" : "")}).");

        var tender = new Tender
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            Title = title,
            GrantId = grant.GrantId,
            DonorCode = grant.DonorCode,
            Procedure = rule.Procedure,
            RuleSetEdition = rules.Edition,
            MinimumSubmissionDays = rule.MinimumSubmissionDays,
            MinimumInvitedSuppliers = rule.MinimumInvitedSuppliers,
            EstimatedValue = estimated,
            AwardMethod = awardMethod,
            PriceWeight = awardMethod == AwardMethod.LowestPrice ? 100 : priceWeight,
            QualityCriteria = awardMethod == AwardMethod.LowestPrice ? [] : qualityCriteria.ToList(),
            InvitedSupplierIds = rule.IsOpen ? [] : invitedSupplierIds.Distinct().ToList(),
            MinimumVotingEvaluators = rules.MinimumVotingEvaluators,
            CreatedAt = nowUtc,
        };
        var lineNumber = 0;
        for (var i = 0; i < lots.Count; i++)
        {
            var lot = new Lot(i + 1, lots[i].Title, lots[i].Requisitions.Select(r => new LotLine(
                ++lineNumber, r.Id, r.BudgetLineCode, r.ItemCategory, r.TechnicalSpecification, r.Quantity, r.EstimatedUnitValue,
                r.DestinationCrossingPointCode, r.DestinationWarehouse, r.RequiredBy)).ToList());
            tender._lots.Add(lot);
        }
        foreach (var requisition in requisitions) requisition.PutInTender(tender.Id);
        return tender;
    }

    /// <summary>Statuses from which a tender can still be cancelled, as a whole or per lot.</summary>
    public bool IsFinal => _lots.All(l => Transitions[l.Status].Length == 0);

    public Lot Lot(int number) =>
        _lots.FirstOrDefault(l => l.Number == number) ?? throw new NotFoundException($"Tender {Reference} has no lot {number}.");

    /// <summary>The deadline passes by itself: a published lot is closed for submission once it is reached.</summary>
    public void Refresh(DateTime nowUtc)
    {
        if (SubmissionDeadline is not { } deadline || nowUtc < deadline) return;
        foreach (var lot in _lots.Where(l => l.Status == LotStatus.Published))
            lot.Status = LotStatus.SubmissionClosed;
    }

    public void Publish(DateTime publishedAt, DateTime submissionDeadline, DateTime nowUtc)
    {
        foreach (var lot in _lots) Ensure(lot, LotStatus.Published);
        if (publishedAt > nowUtc.AddMinutes(5))
            throw new RuleViolationException("publishedAt", "NotInFuture", "A tender is published when it is announced, not ahead of time.");
        var earliest = publishedAt.AddDays(MinimumSubmissionDays);
        if (submissionDeadline < earliest || submissionDeadline <= publishedAt)
            throw new RuleViolationException("submissionDeadline", "MinimumSubmissionPeriod",
                $"A {Procedure} gives at least {MinimumSubmissionDays} days to submit ({RuleSetEdition}): the deadline can be {earliest:yyyy-MM-dd HH:mm} UTC at the earliest.");
        PublishedAt = publishedAt;
        SubmissionDeadline = submissionDeadline;
        foreach (var lot in _lots) lot.Status = LotStatus.Published;
        Refresh(nowUtc);
    }

    public Clarification AskClarification(string question, DateTime nowUtc)
    {
        EnsureOpenForSubmission(nowUtc, "Clarifications are asked while the tender is published");
        var clarification = new Clarification(_clarifications.Count + 1, question, nowUtc);
        _clarifications.Add(clarification);
        return clarification;
    }

    public void AnswerClarification(int number, string answer, DateTime nowUtc)
    {
        EnsureOpenForSubmission(nowUtc, "Clarifications are answered while the tender is published");
        var clarification = _clarifications.FirstOrDefault(c => c.Number == number)
            ?? throw new NotFoundException($"Tender {Reference} has no clarification {number}.");
        if (clarification.Answer is not null)
            throw new ConflictException($"Clarification {number} was already answered.", "AnsweredOnce");
        clarification.Answer = answer;
        clarification.AnsweredAt = nowUtc;
    }

    /// <summary>
    /// A bid must have been received after publication and not after the deadline (a late bid is refused). Bids received
    /// on time are recorded while the lot is published or, at the opening session, after it closed and before evaluation.
    /// </summary>
    public void EnsureAcceptsBid(Lot lot, DateTime receivedAt, DateTime nowUtc)
    {
        if (receivedAt > nowUtc.AddMinutes(5))
            throw new RuleViolationException("receivedAt", "NotInFuture", "A bid cannot be received in the future.");
        if (lot.Status is not (LotStatus.Published or LotStatus.SubmissionClosed))
            throw new StateConflictException($"Lot {lot.Number} is {lot.Status}; bids are recorded while it is Published, or SubmissionClosed before evaluation starts.",
                lot.Status.ToString(), [nameof(LotStatus.Published), nameof(LotStatus.SubmissionClosed)]);
        if (receivedAt > SubmissionDeadline)
            throw new StateConflictException(
                $"The bid was received at {receivedAt:yyyy-MM-dd HH:mm} UTC, after the submission deadline {SubmissionDeadline:yyyy-MM-dd HH:mm} UTC: a late bid is refused.",
                lot.Status.ToString(), []);
        if (receivedAt < PublishedAt)
            throw new RuleViolationException("receivedAt", "AfterPublication", $"The tender was published at {PublishedAt:yyyy-MM-dd HH:mm} UTC; a bid cannot precede it.");
    }

    /// <summary>Bid prices stay sealed until submission closes, for everybody.</summary>
    public void EnsureBidsUnsealed(Lot lot)
    {
        if (lot.Status is LotStatus.Draft or LotStatus.Published)
            throw new StateConflictException(
                $"Bids on lot {lot.Number} are sealed until submission closes{(SubmissionDeadline is { } d ? $" at {d:yyyy-MM-dd HH:mm} UTC" : "")}.",
                lot.Status.ToString(), [nameof(LotStatus.SubmissionClosed)]);
    }

    /// <summary>Statuses in which a lot's bids have been opened: from the evaluation on.</summary>
    public static bool IsOpened(LotStatus status) =>
        status is LotStatus.Evaluation or LotStatus.AwardProposed or LotStatus.Standstill or LotStatus.Awarded or LotStatus.ContractSigned or LotStatus.Unsuccessful;

    /// <summary>
    /// Records the evaluation committee, or replaces the one recorded, while no lot's bids have been opened: once they
    /// have, the committee that opened them stays (409 naming the lot's state). A refusal of the committee itself names
    /// the field and the rule (see <see cref="Domain.EvaluationCommittee.Form"/>).
    /// </summary>
    public void RecordEvaluationCommittee(CommitteeMemberInput? chair, CommitteeMemberInput? secretary, IReadOnlyList<CommitteeMemberInput?>? evaluators, DateTime nowUtc)
    {
        if (_lots.FirstOrDefault(l => IsOpened(l.Status)) is { } opened)
            throw new StateConflictException(
                $"The bids of lot {opened.Number} have been opened (it is {opened.Status}): the committee that opened them stays as recorded.",
                opened.Status.ToString(), [nameof(LotStatus.Draft), nameof(LotStatus.Published), nameof(LotStatus.SubmissionClosed)]);
        if (_lots.All(l => l.Status == LotStatus.Cancelled))
            throw new StateConflictException($"Tender {Reference} is Cancelled: it has no bids left to evaluate.", TenderStatus, []);
        EvaluationCommittee = EvaluationCommittee.Form(chair, secretary, evaluators, MinimumVotingEvaluators ?? EvaluationCommittee.DefaultMinimumEvaluators,
            RuleSetEdition, nowUtc);
    }

    /// <summary>Opens a lot's bids for evaluation; under an edition that asks for a committee, only once it is recorded.</summary>
    public void StartEvaluation(Lot lot)
    {
        Ensure(lot, LotStatus.Evaluation);
        if (MinimumVotingEvaluators is { } minimum && EvaluationCommittee is null)
            throw new StateConflictException(
                $"Lot {lot.Number}'s bids are opened by the evaluation committee, and tender {Reference} has none recorded: under {RuleSetEdition}, " +
                $"record its chair, secretary and an odd number, at least {minimum}, of voting evaluators, each with a signed declaration of impartiality and confidentiality, first.",
                lot.Status.ToString(), []);
        lot.Status = LotStatus.Evaluation;
    }

    public void ProposeAward(Lot lot, Guid? bidId)
    {
        if (bidId is null)
        {
            Move(lot, LotStatus.Unsuccessful);
            return;
        }
        Move(lot, LotStatus.AwardProposed);
        lot.ProposedBidId = bidId;
    }

    public void StartStandstill(Lot lot, DateOnly notifiedOn, int standstillDays)
    {
        Ensure(lot, LotStatus.Standstill);
        lot.StandstillEndsOn = notifiedOn.AddDays(standstillDays);
        lot.Status = LotStatus.Standstill;
    }

    /// <summary>Decides the award once the standstill is over; <paramref name="decidedOn"/> defaults to today and is never in the future.</summary>
    public void Award(Lot lot, DateTime nowUtc, DateOnly? decidedOn = null)
    {
        Ensure(lot, LotStatus.Awarded);
        var today = DateOnly.FromDateTime(nowUtc);
        var day = decidedOn ?? today;
        if (day > today)
            throw new RuleViolationException("decidedOn", "NotInFuture", "An award is decided on a day that has come.");
        if (lot.StandstillEndsOn is { } ends && day < ends)
            throw new StateConflictException($"The standstill of lot {lot.Number} runs until {ends:yyyy-MM-dd}; the award can be decided from then.",
                lot.Status.ToString(), [nameof(LotStatus.Awarded)]);
        lot.Status = LotStatus.Awarded;
        lot.AwardedAt = decidedOn is null ? nowUtc : day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
    }

    public void ContractSigned(Lot lot) => Move(lot, LotStatus.ContractSigned);

    /// <summary>Cancels the whole tender, or one lot, from any non-final state.</summary>
    public IReadOnlyList<Lot> Cancel(string reason, int? lotNumber, DateTime nowUtc)
    {
        var lots = lotNumber is { } n ? [Lot(n)] : _lots.Where(l => Transitions[l.Status].Contains(LotStatus.Cancelled)).ToList();
        if (lots.Count == 0)
            throw new StateConflictException($"Tender {Reference} has no lot left to cancel.", TenderStatus, []);
        foreach (var lot in lots) Move(lot, LotStatus.Cancelled);
        if (_lots.All(l => l.Status == LotStatus.Cancelled))
        {
            CancellationReason = reason;
            CancelledAt = nowUtc;
        }
        foreach (var lot in lots) lot.CancellationReason = reason;
        return lots;
    }

    /// <summary>A summary status: the lots' common status, or "Mixed".</summary>
    public string TenderStatus => _lots.Select(l => l.Status).Distinct().Count() == 1 ? _lots[0].Status.ToString() : "Mixed";

    private void EnsureOpenForSubmission(DateTime nowUtc, string what)
    {
        Refresh(nowUtc);
        if (_lots.All(l => l.Status != LotStatus.Published))
            throw new StateConflictException($"{what}; tender {Reference} is {TenderStatus}.", TenderStatus, [nameof(LotStatus.Published)]);
    }

    private static void Move(Lot lot, LotStatus target)
    {
        Ensure(lot, target);
        lot.Status = target;
    }

    private static void Ensure(Lot lot, LotStatus target)
    {
        if (!Transitions[lot.Status].Contains(target))
            throw new StateConflictException(
                $"Lot {lot.Number} is {lot.Status}; it cannot become {target}. Allowed from {lot.Status}: {(Transitions[lot.Status].Length == 0 ? "none (final)" : string.Join(", ", Transitions[lot.Status]))}.",
                lot.Status.ToString(), Transitions[lot.Status].Select(s => s.ToString()).ToList());
    }
}

public sealed class Lot
{
    private Lot() { }

    public Lot(int number, string title, List<LotLine> lines)
    {
        Number = number;
        Title = title;
        Lines = lines;
        Status = LotStatus.Draft;
    }

    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public LotStatus Status { get; internal set; }
    public List<LotLine> Lines { get; private set; } = [];
    public Guid? ProposedBidId { get; internal set; }
    public DateOnly? StandstillEndsOn { get; internal set; }
    public DateTime? AwardedAt { get; internal set; }
    public string? CancellationReason { get; internal set; }
    public decimal EstimatedValue => Lines.Sum(l => l.Quantity * l.EstimatedUnitValue);
}

public sealed class Clarification
{
    private Clarification() { }

    public Clarification(int number, string question, DateTime askedAt)
    {
        Number = number;
        Question = question;
        AskedAt = askedAt;
    }

    public int Number { get; private set; }
    public string Question { get; private set; } = "";
    public DateTime AskedAt { get; private set; }
    public string? Answer { get; internal set; }
    public DateTime? AnsweredAt { get; internal set; }
}
