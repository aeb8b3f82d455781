using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.BuildingBlocks.Errors;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Data;
using Equipment.DonorReporting.Domain;
using Equipment.Inventory.Contracts;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.DonorReporting.Tests;

public class VisitByAssetRulesTests
{
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);

    private static VerificationVisit Visit() => VerificationVisit.Plan(
        Grant.Register("REF-1", "Title", "EU-DGNEAR", FundingInstrument.NdiciGlobalEurope, "ICMPD", 1_000_000m, new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31),
            ["TN"], [new CrossingPoint("TN-RAS-AJDIR", "Ras Ajdir", "TN", "LY", 33.15, 11.56)], Now),
        "TN-RAS-AJDIR", new DateOnly(2026, 11, 30), "monitor", 1, new SampleWeights(1, 1, 1), [First, Second]);

    private static AssetObservation Seen(Guid asset, Finding finding = Finding.FoundAsExpected) => new(asset, finding, true, true, null, 33.1501, 11.5602, Now);

    [Fact]
    public void Findings_are_saved_one_asset_at_a_time_and_saving_one_again_corrects_it()
    {
        var visit = Visit();
        visit.SaveFinding(Seen(First), Now);
        Assert.Equal([Second], visit.Unrecorded);
        visit.SaveFinding(Seen(First, Finding.Unused), Now);
        Assert.Equal(Finding.Unused, Assert.Single(visit.Findings).Finding);
        Assert.Equal(VisitStatus.Planned, visit.Status);
        Assert.Null(visit.EvidenceClosedState);
    }

    [Fact]
    public void A_visit_is_completed_once_every_sampled_asset_has_its_finding_and_is_closed_from_then_on()
    {
        var visit = Visit();
        visit.SaveFinding(Seen(Second), Now);
        var early = Assert.Throws<RuleViolationException>(() => visit.Complete(new DateOnly(2026, 11, 30), [], new DateOnly(2026, 11, 30)));
        Assert.Equal(("findings", "EverySampledAsset"), (early.Field, early.Rule));
        Assert.Contains(First.ToString(), early.Message);
        visit.SaveFinding(Seen(First), Now);
        visit.Complete(new DateOnly(2026, 11, 30), [], new DateOnly(2026, 11, 30));
        Assert.Equal((VisitStatus.Recorded, "Recorded"), (visit.Status, visit.EvidenceClosedState));
        Assert.Equal([First, Second], visit.Findings.Select(f => f.AssetId));       // in the sample's order
        var late = Assert.Throws<StateConflictException>(() => visit.SaveFinding(Seen(First, Finding.NotFound), Now));
        Assert.Equal("Recorded", late.CurrentState);
    }

    [Fact]
    public void An_asset_outside_the_sample_and_a_finding_from_the_future_are_refused()
    {
        var visit = Visit();
        Assert.Equal("SampledAsset", Assert.Throws<RuleViolationException>(() => visit.SaveFinding(Seen(Guid.NewGuid()), Now)).Rule);
        Assert.Equal("NotInFuture", Assert.Throws<RuleViolationException>(() => visit.SaveFinding(Seen(First) with { ObservedAt = Now.AddHours(1) }, Now)).Rule);
    }

    [Fact]
    public void The_receipt_photo_shown_is_the_latest_not_removed_whatever_order_inventory_s_events_came_in()
    {
        var (photo, later) = (Guid.NewGuid(), Guid.NewGuid());
        var events = new (string Kind, Guid Photo)[] { ("attached", photo), ("attached", later), ("removed", photo) };
        // Every order of the three events, and each delivered twice: the later photo is shown.
        foreach (var order in Permutations(events))
        {
            var asset = new TrackedAsset(First, Guid.NewGuid());
            var known = new Dictionary<Guid, KnownReceiptPhoto>();
            foreach (var (kind, id) in order.Concat(order))
            {
                var p = known.TryGetValue(id, out var k) ? k : known[id] = new KnownReceiptPhoto(First, id);
                if (kind == "attached") p.Attached(id == photo ? Now.AddMinutes(-5) : Now); else p.Remove();
                asset.ShowReceiptPhoto(known.Values);
            }
            Assert.Equal(later, asset.ReceiptPhotoId);
        }

        // A removal that came before its attachment: nothing is shown, not a dead link.
        var alone = new TrackedAsset(First, Guid.NewGuid());
        var removedFirst = new KnownReceiptPhoto(First, photo);
        removedFirst.Remove();
        removedFirst.Attached(Now);
        alone.ShowReceiptPhoto([removedFirst]);
        Assert.Null(alone.ReceiptPhotoId);
    }

    private static IEnumerable<T[]> Permutations<T>(T[] items) => items.Length <= 1 ? [items]
        : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (T[])[item, .. rest]));
}

public partial class VerificationTests
{
    [Fact]
    public async Task A_visit_is_recorded_asset_by_asset_with_positions_and_photos_and_then_closed()
    {
        var (grantId, donor, _) = await GrantWithDeployedAssetsAsync(2);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor, "monitor");
        using var otherMonitor = factory.ClientAs(Roles.DonorMonitor, "IT-MININT", "monitor2");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var visit = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits",
            new { crossingPointCode = "TN-RAS-AJDIR", plannedFor = today, sampleSize = 2, seed = 7 }));
        var visitId = visit["id"]!.GetValue<Guid>();
        var (first, second) = (visit["sampledAssetIds"]![0]!.GetValue<Guid>(), visit["sampledAssetIds"]![1]!.GetValue<Guid>());

        // Inventory said the first unit was photographed on receipt: the visit names that photo.
        var receiptPhoto = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ReceiptPhotoAttached.Topic,
            new ReceiptPhotoAttached(first, grantId, donor, Guid.NewGuid(), receiptPhoto) { OccurredAt = DateTimeOffset.UtcNow }));
        // A removal that overtook its attachment on the way: the second unit shows no photo rather than a dead link.
        var removed = Guid.NewGuid();
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ReceiptPhotoRemoved.Topic, new ReceiptPhotoRemoved(second, removed) { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(ReceiptPhotoAttached.Topic,
            new ReceiptPhotoAttached(second, grantId, donor, Guid.NewGuid(), removed) { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(-1) }));
        var read = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/visits/{visitId}"));
        Assert.Equal(receiptPhoto, Assert.Single(read["receiptPhotos"]!.AsArray())!["attachmentId"]!.GetValue<Guid>());

        // The first asset: its finding and a photo, saved at once.
        var saved = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PutAsJsonAsync($"/api/reporting/visits/{visitId}/findings/{first}",
            new { finding = "FoundAsExpected", signsOfUse = true, visibilityMarking = true, latitude = 33.1501, longitude = 11.5602 }));
        Assert.Equal(33.1501, saved["findings"]![0]!["latitude"]!.GetValue<double>());
        var photo = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsync($"/api/reporting/visits/{visitId}/findings/{first}/attachments",
            EvidenceFiles.Form(EvidenceFiles.Jpeg(), "IMG_0042.jpg")));
        Assert.Equal(("image/jpeg", first), (photo["contentType"]!.GetValue<string>(), photo["subjectId"]!.GetValue<Guid>()));
        var photoId = photo["id"]!.GetValue<Guid>();

        // Not complete while the second has no finding; a half position is refused naming its field.
        var early = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visitId}/completion",
            new { visitedOn = today }), field: "findings");
        Assert.Contains(second.ToString(), early["detail"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PutAsJsonAsync($"/api/reporting/visits/{visitId}/findings/{second}",
            new { finding = "Unused", signsOfUse = false, visibilityMarking = true, latitude = 33.15 }), field: "longitude");
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PutAsJsonAsync($"/api/reporting/visits/{visitId}/findings/{second}",
            new { finding = "Unused", signsOfUse = false, visibilityMarking = true, note = "Stored in its case" }));

        // Another donor's monitor finds neither the visit's evidence nor its photo.
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync($"/api/reporting/visits/{visitId}/findings/{first}/attachments"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync($"/api/reporting/attachments/{photoId}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.PostAsync($"/api/reporting/visits/{visitId}/findings/{first}/attachments",
            EvidenceFiles.Form(EvidenceFiles.Jpeg(), "x.jpg")));
        Assert.Equal(0, (await HttpAssert.StatusAsync(HttpStatusCode.OK, await otherMonitor.GetAsync($"/api/reporting/attachments?subjectId={first}")))["totalCount"]!.GetValue<int>());

        var completed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.PostAsJsonAsync($"/api/reporting/visits/{visitId}/completion",
            new { visitedOn = today, followUps = new[] { new { action = "Put the camera back in use", owner = "Garde nationale", dueOn = today.AddDays(30) } } }));
        Assert.Equal("Recorded", completed["status"]!.GetValue<string>());
        Assert.Equal(1, await factory.WithDbAsync<ReportingDbContext, int>(db =>
            db.OutboxMessages.CountAsync(m => m.Topic == VerificationRecorded.Topic && m.Payload.Contains(visitId.ToString()))));

        // Closed: no photo added or removed, no finding changed; the photo stays, in the asset's evidence too.
        var closed = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await monitor.PostAsync($"/api/reporting/visits/{visitId}/findings/{first}/attachments",
            EvidenceFiles.Form(EvidenceFiles.Jpeg(), "late.jpg")));
        Assert.Equal("Recorded", closed["currentState"]!.GetValue<string>());
        Assert.Equal("Recorded", (await HttpAssert.ProblemAsync(HttpStatusCode.Conflict,
            await monitor.DeleteAsync($"/api/reporting/visits/{visitId}/findings/{first}/attachments/{photoId}")))["currentState"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await monitor.PutAsJsonAsync($"/api/reporting/visits/{visitId}/findings/{first}",
            new { finding = "NotFound", signsOfUse = false, visibilityMarking = false, note = "changed afterwards" }));
        var passport = await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync($"/api/reporting/attachments?subjectId={first}"));
        Assert.Equal(photoId, Assert.Single(passport["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        var image = await monitor.GetAsync($"/api/reporting/attachments/{photoId}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(("image/jpeg", "inline", "nosniff"), (image.Content.Headers.ContentType?.MediaType, image.Content.Headers.ContentDisposition?.DispositionType,
            image.Headers.GetValues("X-Content-Type-Options").Single()));
        Assert.Equal(EvidenceFiles.Jpeg(), await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_finding_photo_must_be_an_image_or_pdf_by_its_content_and_at_most_ten_megabytes()
    {
        var (grantId, donor, _) = await GrantWithDeployedAssetsAsync(1);
        using var monitor = factory.ClientAs(Roles.DonorMonitor, donor, "monitor");
        var visit = await HttpAssert.StatusAsync(HttpStatusCode.Created, await monitor.PostAsJsonAsync($"/api/reporting/grants/{grantId}/visits",
            new { crossingPointCode = "TN-RAS-AJDIR", plannedFor = DateOnly.FromDateTime(DateTime.UtcNow), sampleSize = 1, seed = 3 }));
        var path = $"/api/reporting/visits/{visit["id"]}/findings/{visit["sampledAssetIds"]![0]}/attachments";
        var renamed = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Program(), "photo.jpg")), field: "file");
        Assert.Equal("ContentType", renamed["violations"]![0]!["rule"]!.GetValue<string>());
        var big = await HttpAssert.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, await monitor.PostAsync(path,
            EvidenceFiles.Form(EvidenceFiles.Jpeg(10 * 1024 * 1024 + 1), "big.jpg")), field: "file");
        Assert.Equal("MaxSize", big["violations"]![0]!["rule"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await monitor.PostAsJsonAsync(path, new { file = "not a file" }), field: "file");
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await monitor.PostAsync($"/api/reporting/visits/{visit["id"]}/findings/{Guid.NewGuid()}/attachments",
            EvidenceFiles.Form(EvidenceFiles.Jpeg(), "x.jpg")));
        Assert.Empty((await HttpAssert.StatusAsync(HttpStatusCode.OK, await monitor.GetAsync(path))).AsArray());
    }
}
