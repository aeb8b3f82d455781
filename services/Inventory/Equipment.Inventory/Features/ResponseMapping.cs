using Equipment.Inventory.Domain;

namespace Equipment.Inventory.Features;

/// <summary>The contract records built from the domain: <c>XResponse.From(entity)</c>.</summary>
public static class ResponseMapping
{
    extension(AssetResponse)
    {
        /// <summary>An asset as the register shows it: the register's own projection (<see cref="Assets.ListAssets.Shown"/>), applied to the entity.</summary>
        public static AssetResponse From(Asset a, DateOnly today) => ShownOf(a).Response(today);
    }

    private static readonly Func<Asset, Assets.ListAssets.Row> ShownOf = Assets.ListAssets.Shown.Compile();

    extension(CustodyEntryResponse)
    {
        public static CustodyEntryResponse From(CustodyEntry c) => new(c.Id, c.AssetId, c.On, c.Action, c.From, c.To, c.By, c.Why, c.Reference, c.RecordedAt,
            CustodyWords.From(c), CustodyWords.To(c), CustodyWords.Why(c));
    }

    extension(WarehouseResponse)
    {
        public static WarehouseResponse From(Warehouse w) => new(w.Code, w.Name, w.CountryCode, w.Address);
    }

    extension(ImportResponse)
    {
        public static ImportResponse From(ImportJob j) => new(j.Id, j.ShipmentId, j.Status, j.TotalRows, j.ProcessedRows, j.Errors, j.GoodsReceivedNoteId, j.CreatedAt, j.CompletedAt);
    }

    extension(GoodsReceivedResponse)
    {
        public static GoodsReceivedResponse From(GoodsReceivedNote n, IReadOnlyList<Asset> assets) =>
            new(n.Id, n.Number, n.ShipmentId, n.ReceivedOn, n.AcceptedOn, n.Lines, assets.Select(a => AssetResponse.From(a, n.ReceivedOn)).ToList());
    }

    extension(ShipmentResponse)
    {
        public static ShipmentResponse From(Shipment s) => new(
            s.Id, s.WaybillNumber, s.Carrier, s.ContractId, s.ContractReference, s.GrantId, s.Status, s.DispatchedOn, s.EstimatedArrival, s.ArrivedOn, s.WarehouseCode, s.Lines);
    }

    extension(HandoverResponse)
    {
        public static HandoverResponse From(HandoverCertificate h, IReadOnlyList<Asset> assets) => new(
            h.Id, h.Number, h.GrantId, h.HandedOverOn, h.Place, h.FromParty, h.FromRepresentativeName, h.FromRepresentativeRole, h.ToAuthority,
            h.ToRepresentativeName, h.ToRepresentativeRole,
            assets.OrderBy(a => a.ItemCategory).ThenBy(a => a.SerialNumber)
                .Select(a => new HandedOverAsset(a.Id, a.ItemCategory, a.Description, a.Manufacturer, a.Model, a.SerialNumber, a.UnitValue, a.Currency, a.VisibilityMarking)).ToList(),
            h.SignedOn);
    }

    extension(ExpectedDeliveryResponse)
    {
        public static ExpectedDeliveryResponse From(ExpectedDelivery d) => new(
            d.Id, d.ContractId, d.ContractReference, d.ContractLineNumber, d.GrantId, d.DonorCode, d.SupplierName,
            d.ItemCategory, d.Description, d.QuantityExpected, d.QuantityShipped, d.QuantityAccepted, d.QuantityRejected, d.QuantityOutstanding,
            d.DestinationCrossingPointCode, d.DestinationWarehouse, d.DeliveryDeadline, d.WarrantyMonths);
    }
}
