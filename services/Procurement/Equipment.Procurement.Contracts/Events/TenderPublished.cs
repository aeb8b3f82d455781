using Equipment.Procurement.Contracts.Api;
using Equipment.BuildingBlocks.Contracts;

namespace Equipment.Procurement.Contracts;

/// <summary>A tender was published: what is bought, for which grant, under which procedure, until when bids are received.</summary>
public sealed record TenderPublished(
    Guid TenderId,
    string Reference,
    string Title,
    Guid GrantId,
    string DonorCode,
    Procedure Procedure,
    string RuleSetEdition,
    decimal EstimatedValue,
    string Currency,
    DateTimeOffset PublishedAt,
    DateTimeOffset SubmissionDeadline,
    IReadOnlyList<TenderLotPublished> Lots) : IntegrationEvent, ITopicEvent
{
    public static string Topic => "procurement.tender-published";
}
