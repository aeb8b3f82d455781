using Equipment.BuildingBlocks.Errors;

namespace Equipment.Procurement.Domain;

/// <summary>A supplier's bid on one lot: a unit price and a country of origin per lot line, then its evaluation.</summary>
public sealed class Bid
{
    private Bid() { }

    public Guid Id { get; private set; }
    public Guid TenderId { get; private set; }
    public int LotNumber { get; private set; }
    public Guid SupplierId { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public List<BidLine> Lines { get; private set; } = [];
    public decimal TotalPrice { get; private set; }
    public bool? AdministrativelyCompliant { get; private set; }
    public bool? TechnicallyCompliant { get; private set; }
    public string? EvaluationNotes { get; private set; }
    public Dictionary<string, decimal> QualityScores { get; private set; } = [];
    public decimal? Score { get; private set; }
    public int? Rank { get; private set; }

    public bool IsEvaluated => AdministrativelyCompliant is not null && TechnicallyCompliant is not null;
    public bool IsCompliant => AdministrativelyCompliant == true && TechnicallyCompliant == true;

    public static Bid Submit(Tender tender, Lot lot, Supplier supplier, KnownGrant grant, DateTime receivedAt, IReadOnlyList<BidLine> lines, DateTime nowUtc)
    {
        tender.EnsureAcceptsBid(lot, receivedAt, nowUtc);
        grant.EnsureEligibleNationality(supplier.CountryOfEstablishment, "supplierId");
        if (tender.InvitedSupplierIds.Count > 0 && !tender.InvitedSupplierIds.Contains(supplier.Id))
            throw new RuleViolationException("supplierId", "InvitedSupplier",
                $"{supplier.LegalName} was not invited to this {tender.Procedure}; only invited suppliers may bid.");
        var expected = lot.Lines.Select(l => l.LineNumber).Order().ToList();
        if (!lines.Select(l => l.LineNumber).Order().SequenceEqual(expected))
            throw new RuleViolationException("lines", "EveryLotLineOnce",
                $"A bid on lot {lot.Number} prices every one of its lines once: {string.Join(", ", expected)}.");
        for (var i = 0; i < lines.Count; i++)
            grant.EnsureEligibleOrigin(lines[i].CountryOfOrigin, $"lines[{i}].countryOfOrigin");

        return new Bid
        {
            Id = Guid.NewGuid(),
            TenderId = tender.Id,
            LotNumber = lot.Number,
            SupplierId = supplier.Id,
            ReceivedAt = receivedAt,
            Lines = lines.ToList(),
            TotalPrice = lines.Sum(l => l.UnitPrice * lot.Lines.Single(x => x.LineNumber == l.LineNumber).Quantity),
        };
    }

    public void Evaluate(Tender tender, bool administrativelyCompliant, bool technicallyCompliant, string? notes, IReadOnlyDictionary<string, decimal> qualityScores)
    {
        var lot = tender.Lot(LotNumber);
        if (lot.Status != LotStatus.Evaluation)
            throw new StateConflictException($"Lot {lot.Number} is {lot.Status}; bids are evaluated while it is in Evaluation.",
                lot.Status.ToString(), [nameof(LotStatus.Evaluation)]);
        if ((!administrativelyCompliant || !technicallyCompliant) && string.IsNullOrWhiteSpace(notes))
            throw new RuleViolationException("notes", "ReasonForNonCompliance", "A non-compliant bid is recorded with the reason.");
        if (tender.AwardMethod == AwardMethod.BestValue && administrativelyCompliant && technicallyCompliant)
        {
            foreach (var criterion in tender.QualityCriteria)
                if (!qualityScores.TryGetValue(criterion.Name, out var score) || score is < 0 or > 100)
                    throw new RuleViolationException($"qualityScores.{criterion.Name}", "ScoreBetween0And100",
                        $"A compliant bid is scored 0–100 on '{criterion.Name}'.");
        }
        AdministrativelyCompliant = administrativelyCompliant;
        TechnicallyCompliant = technicallyCompliant;
        EvaluationNotes = notes;
        QualityScores = qualityScores.ToDictionary();
    }

    internal void Ranked(decimal? score, int? rank)
    {
        Score = score;
        Rank = rank;
    }
}


/// <summary>Ranks a lot's bids: lowest compliant price, or weighted best value. Ties go to the lower price, then the earlier bid.</summary>
public static class Ranking
{
    /// <summary>
    /// Best value: Σ(weight × quality score)/100 + price weight × (lowest compliant price / this price), out of 100.
    /// Lowest price: the score is the price weight (100) × lowest / this price. Non-compliant bids are not ranked.
    /// Returns the winning bid, or null when no bid is compliant.
    /// </summary>
    public static Bid? Rank(Tender tender, IReadOnlyList<Bid> bids)
    {
        var compliant = bids.Where(b => b.IsCompliant).ToList();
        foreach (var bid in bids.Where(b => !b.IsCompliant)) bid.Ranked(null, null);
        if (compliant.Count == 0) return null;

        var lowest = compliant.Min(b => b.TotalPrice);
        var scored = compliant
            .Select(b => (Bid: b, Score: Math.Round(
                tender.QualityCriteria.Sum(c => c.Weight * b.QualityScores.GetValueOrDefault(c.Name)) / 100m
                + tender.PriceWeight * lowest / b.TotalPrice, 2)))
            .OrderByDescending(x => tender.AwardMethod == AwardMethod.BestValue ? x.Score : -x.Bid.TotalPrice)
            .ThenBy(x => x.Bid.TotalPrice)
            .ThenBy(x => x.Bid.ReceivedAt)
            .ToList();
        for (var i = 0; i < scored.Count; i++) scored[i].Bid.Ranked(scored[i].Score, i + 1);
        return scored[0].Bid;
    }

    public static void EnsureAllEvaluated(IReadOnlyList<Bid> bids)
    {
        var pending = bids.FirstOrDefault(b => !b.IsEvaluated);
        if (pending is not null)
            throw new ConflictException($"Bid {pending.Id} has not been evaluated yet; every bid is evaluated before an award is proposed.", "AllBidsEvaluated");
    }
}
