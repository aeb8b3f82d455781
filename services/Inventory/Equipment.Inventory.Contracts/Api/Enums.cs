namespace Equipment.Inventory.Contracts.Api;

public enum AssetStatus { Received, HandedOver, Deployed, Disposed, Lost, Stolen }

/// <summary>How an asset leaves the register.</summary>
public enum DisposalKind { Disposed, Lost, Stolen }

public enum CustodyAction { Received, HandedOver, Deployed, Transferred, Disposed, Lost, Stolen }

public enum ShipmentStatus { Dispatched, InTransit, Arrived, Received }

public enum ImportStatus { Queued, Running, Completed, Failed }
