using System.Text.Json;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;

namespace Equipment.Inventory.Domain;

/// <summary>
/// The paper that moves custody from the supplier to the implementing partner: what arrived under a waybill, accepted
/// (one serial number per unit) and rejected (with the reason). The receipt date is the provisional acceptance;
/// final acceptance is recorded, or deemed once the configured period has run.
/// </summary>
public sealed class GoodsReceivedNote
{
    private GoodsReceivedNote() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid ShipmentId { get; private set; }
    public Guid ContractId { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string ReceivedBy { get; private set; } = "";
    public string WarehouseCode { get; private set; } = "";
    public int DeemedAcceptanceDays { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public List<ReceiptLine> Lines { get; private set; } = [];

    public DateOnly? AcceptanceOn(DateOnly today) =>
        AcceptedOn ?? (today >= ReceivedOn.AddDays(DeemedAcceptanceDays) ? ReceivedOn.AddDays(DeemedAcceptanceDays) : null);

    /// <summary>
    /// The note's evidence (the signed delivery note, photos of the units) is added until final acceptance, recorded or
    /// deemed: then the note is closed and its files are what was accepted ("Accepted"), or null while it is open.
    /// </summary>
    public string? EvidenceClosedState(DateOnly today) => AcceptanceOn(today) is null ? null : "Accepted";

    /// <summary>
    /// Records what arrived: per shipped contract line, the units accepted and the number rejected. More than the
    /// waybill carried, or more accepted than the contract still expects, is an over-delivery (409).
    /// </summary>
    public static (GoodsReceivedNote Note, IReadOnlyList<Asset> Assets, IReadOnlyList<CustodyEntry> Custody) Record(
        string number, Shipment shipment, IReadOnlyDictionary<Guid, ExpectedDelivery> deliveries, IReadOnlyList<ReceiptInput> lines, DateOnly receivedOn,
        int deemedAcceptanceDays, string owner, string by, DateTime nowUtc)
    {
        if (shipment.Status != ShipmentStatus.Arrived)
            throw new StateConflictException($"Shipment {shipment.WaybillNumber} is {shipment.Status}; goods are received once it has Arrived.",
                shipment.Status.ToString(), [nameof(ShipmentStatus.Arrived)]);
        if (receivedOn < shipment.ArrivedOn)
            throw new RuleViolationException("receivedOn", "NotBeforeArrival",
                $"The shipment arrived on {shipment.ArrivedOn:yyyy-MM-dd}; its goods cannot be received on {receivedOn:yyyy-MM-dd}, before they arrived.");
        if (lines.Count == 0)
            throw new RuleViolationException("lines", "NotEmpty", "A goods received note records at least one line.");

        var note = new GoodsReceivedNote
        {
            Id = Guid.NewGuid(),
            Number = number,
            ShipmentId = shipment.Id,
            ContractId = shipment.ContractId,
            ReceivedOn = receivedOn,
            ReceivedBy = by,
            WarehouseCode = shipment.WarehouseCode!,
            DeemedAcceptanceDays = deemedAcceptanceDays,
        };
        var assets = new List<Asset>();
        var custody = new List<CustodyEntry>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var shipped = shipment.Line(line.ContractLineNumber, $"lines[{i}].contractLineNumber");
            if (line.Units.Count + line.RejectedQuantity > shipped.Quantity)
                throw new ConflictException(
                    $"Waybill {shipment.WaybillNumber} carried {shipped.Quantity} units of line {line.ContractLineNumber}; {line.Units.Count} accepted and {line.RejectedQuantity} rejected is more (over-delivery).",
                    "NoOverDelivery");
            if (line.RejectedQuantity > 0 && string.IsNullOrWhiteSpace(line.RejectionReason))
                throw new RuleViolationException($"lines[{i}].rejectionReason", "ReasonForRejection", "Rejected units are recorded with the reason.");
            var duplicate = line.Units.GroupBy(u => (u.Manufacturer, u.Model, u.SerialNumber)).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new RuleViolationException($"lines[{i}].units", "UniqueSerialNumber", $"Serial number '{duplicate.Key.SerialNumber}' of {duplicate.Key.Manufacturer} {duplicate.Key.Model} appears twice.");

            var delivery = deliveries[shipped.ExpectedDeliveryId];
            delivery.Receive(line.Units.Count, line.RejectedQuantity);
            note.Lines.Add(new ReceiptLine(line.ContractLineNumber, line.Units.Count, line.RejectedQuantity, line.RejectionReason));
            foreach (var unit in line.Units)
            {
                var (asset, entry) = Asset.Register(unit, delivery, note, owner, shipment.WarehouseCode!, by, nowUtc);
                assets.Add(asset);
                custody.Add(entry);
            }
        }
        shipment.MarkReceived();
        return (note, assets, custody);
    }

    public void Accept(DateOnly acceptedOn, IReadOnlyList<Asset> assets)
    {
        if (AcceptedOn is not null)
            throw new ConflictException($"Goods received note {Number} was accepted on {AcceptedOn:yyyy-MM-dd}.", "AcceptedOnce");
        if (acceptedOn < ReceivedOn)
            throw new RuleViolationException("acceptedOn", "NotBeforeReceipt",
                $"The goods were received on {ReceivedOn:yyyy-MM-dd}; they cannot be accepted on {acceptedOn:yyyy-MM-dd}, before they were received.");
        if (assets.Where(a => a.HandedOverOn < acceptedOn).OrderBy(a => a.HandedOverOn).FirstOrDefault() is { } handedOver)
            throw new RuleViolationException("acceptedOn", "NotAfterHandover",
                $"Asset {handedOver.SerialNumber} of this note was handed over on {handedOver.HandedOverOn:yyyy-MM-dd}; acceptance on {acceptedOn:yyyy-MM-dd} would come after the handover it must precede.");
        AcceptedOn = acceptedOn;
        foreach (var asset in assets) asset.Accept(acceptedOn);
    }
}

public sealed record ReceiptInput(int ContractLineNumber, IReadOnlyList<ReceivedUnit> Units, int RejectedQuantity, string? RejectionReason);


/// <summary>The certificate that transfers a set of assets from the implementing partner to the beneficiary border authority.</summary>
public sealed class HandoverCertificate
{
    private HandoverCertificate() { }

    public HandoverCertificate(string number, Guid grantId, string donorCode, DateOnly handedOverOn, string place, string fromParty,
        string fromRepresentativeName, string fromRepresentativeRole, string toAuthority, string toRepresentativeName, string toRepresentativeRole, IReadOnlyList<Guid> assetIds)
    {
        Id = Guid.NewGuid();
        Number = number;
        GrantId = grantId;
        DonorCode = donorCode;
        HandedOverOn = handedOverOn;
        Place = place;
        FromParty = fromParty;
        FromRepresentativeName = fromRepresentativeName;
        FromRepresentativeRole = fromRepresentativeRole;
        ToAuthority = toAuthority;
        ToRepresentativeName = toRepresentativeName;
        ToRepresentativeRole = toRepresentativeRole;
        AssetIds = assetIds.ToList();
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid GrantId { get; private set; }
    public string DonorCode { get; private set; } = "";
    public DateOnly HandedOverOn { get; private set; }
    public string Place { get; private set; } = "";
    public string FromParty { get; private set; } = "";
    public string FromRepresentativeName { get; private set; } = "";
    public string FromRepresentativeRole { get; private set; } = "";
    public string ToAuthority { get; private set; } = "";
    public string ToRepresentativeName { get; private set; } = "";
    public string ToRepresentativeRole { get; private set; } = "";
    public List<Guid> AssetIds { get; private set; } = [];
    /// <summary>The day the printed certificate was signed by both parties, recorded with its signed scan; null until then.</summary>
    public DateOnly? SignedOn { get; private set; }

    /// <summary>Its evidence (the signed scan) is added until the signature is recorded; then it is closed ("Signed").</summary>
    public string? EvidenceClosedState => SignedOn is null ? null : "Signed";

    /// <summary>
    /// Records that the certificate was signed, once, on a day between the handover and today, with its signed scan attached
    /// (<paramref name="attachedFiles"/>: the files it keeps): from then on its evidence is never changed.
    /// </summary>
    public void RecordSignature(DateOnly signedOn, int attachedFiles, DateOnly today)
    {
        if (SignedOn is not null)
            throw new StateConflictException($"Handover certificate {Number} was signed on {SignedOn:yyyy-MM-dd}.", "Signed", ["Unsigned"]);
        if (signedOn < HandedOverOn)
            throw new RuleViolationException("signedOn", "NotBeforeHandover", $"The handover took place on {HandedOverOn:yyyy-MM-dd}; its certificate cannot be signed on {signedOn:yyyy-MM-dd}, before it.");
        if (signedOn > today) throw new RuleViolationException("signedOn", "NotInFuture", "A signature is recorded once it is made.");
        if (attachedFiles == 0)
            throw new RuleViolationException("attachments", "SignedScanAttached", $"Attach the signed scan of certificate {Number} before recording its signature.");
        SignedOn = signedOn;
    }
}

/// <summary>
/// What other services said about an asset (maintenance status, verification findings), kept for its passport: its
/// <see cref="Detail"/> in English, and since they were kept (<see cref="DetailPhrase"/>, <see cref="DetailFacts"/>) its
/// words, for a client that says it in another language. A note recorded before has no words: its English is shown.
/// </summary>
public sealed class AssetNote
{
    private AssetNote() { }

    public AssetNote(Guid assetId, DateTime at, string source, string kind, Words detail)
    {
        AssetId = assetId;
        At = at;
        Source = source;
        Kind = kind;
        Detail = detail.Text;
        DetailPhrase = detail.Phrase;
        DetailFacts = JsonSerializer.Serialize(detail.Facts);
    }

    public long Id { get; private set; }
    public Guid AssetId { get; private set; }
    public DateTime At { get; private set; }
    public string Source { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Detail { get; private set; } = "";
    /// <summary>The English phrase of <see cref="Detail"/> (<see cref="Words.Phrase"/>); null for a note recorded before it was kept.</summary>
    public string? DetailPhrase { get; private set; }
    /// <summary>The facts of <see cref="DetailPhrase"/>, a JSON array of strings.</summary>
    public string? DetailFacts { get; private set; }

    /// <summary><see cref="Detail"/> as words; null for a note recorded before they were kept.</summary>
    public Words? DetailWords => DetailPhrase is null ? null : new(DetailPhrase, JsonSerializer.Deserialize<List<string>>(DetailFacts ?? "[]") ?? []);
}
