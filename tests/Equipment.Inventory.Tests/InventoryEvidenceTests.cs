using System.Net;
using System.Net.Http.Json;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts;
using Equipment.Inventory.Contracts;
using Equipment.Testing;

namespace Equipment.Inventory.Tests;

public partial class InventoryApiTests
{
    [Fact]
    public async Task A_goods_received_note_keeps_its_signed_delivery_note_and_unit_photos_until_it_is_accepted()
    {
        var (_, contractId) = await SignedContractAsync(donor: "EU-DGNEAR");
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 2), [Serial(), Serial()]));
        var noteId = receipt["id"]!.GetValue<Guid>();
        var unit = receipt["assets"]![0]!["id"]!.GetValue<Guid>();
        var path = $"/api/inventory/goods-received-notes/{noteId}/attachments";

        var note = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsync(path,
            EvidenceFiles.Form(EvidenceFiles.Pdf(), "Bon de réception signé.pdf", "application/pdf")));
        Assert.Equal(("application/pdf", "Bon de réception signé.pdf", "logistics"),
            (note["contentType"]!.GetValue<string>(), note["fileName"]!.GetValue<string>(), note["uploadedBy"]!.GetValue<string>()));
        var photo = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Png(), "unit.png", "image/png", unit)));
        var photoId = photo["id"]!.GetValue<Guid>();
        Assert.Equal(1, await EventsAsync(ReceiptPhotoAttached.Topic, photoId));           // reporting learns the unit has a photo

        // Refused: a program renamed as a photo, a text file, a file over 10 MB, a photo of a unit of another note.
        var renamed = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Program(), "photo.jpg")), field: "file");
        Assert.Equal("ContentType", renamed["violations"]![0]!["rule"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsync(path,
            EvidenceFiles.Form("serial,model\n"u8.ToArray(), "units.csv", "text/csv")), field: "file");
        await HttpAssert.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, await _logistics.PostAsync(path,
            EvidenceFiles.Form(EvidenceFiles.Pdf(10 * 1024 * 1024 + 1), "big.pdf", "application/pdf")), field: "file");
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Jpeg(), "x.jpg", subjectId: Guid.NewGuid())),
            field: "subjectId");

        var list = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync(path));
        Assert.Equal(new[] { note["id"]!.GetValue<Guid>(), photoId }.Order(), list.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).Order());   // the same instant: the clock stands still here
        var download = await _logistics.GetAsync($"/api/inventory/attachments/{note["id"]}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(("attachment", "application/pdf"), (download.Content.Headers.ContentDisposition?.DispositionType, download.Content.Headers.ContentType?.MediaType));
        Assert.Equal("Bon de réception signé.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(EvidenceFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(photoId, (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/attachments?subjectId={unit}")))["items"]![0]!["id"]!.GetValue<Guid>());

        // A monitor of the grant's donor reads it; another donor's monitor finds nothing.
        using var monitor = factory.ClientAs(Roles.DonorMonitor, "EU-DGNEAR");
        using var otherMonitor = factory.ClientAs(Roles.DonorMonitor, "IT-MININT");
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync($"/api/inventory/attachments/{photoId}")).StatusCode);
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync(path));
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync($"/api/inventory/attachments/{photoId}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Jpeg(), "m.jpg"))).StatusCode);

        // While open a file can be removed; once accepted, nothing is added or removed.
        await HttpAssert.StatusAsync(HttpStatusCode.NoContent, await _logistics.DeleteAsync($"{path}/{photoId}"));
        Assert.Equal(1, await EventsAsync(ReceiptPhotoRemoved.Topic, photoId));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{noteId}/acceptance", new { acceptedOn = Today }));
        var closed = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Jpeg(), "late.jpg")));
        Assert.Equal("Accepted", closed["currentState"]!.GetValue<string>());
        Assert.Contains(receipt["number"]!.GetValue<string>(), closed["detail"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.DeleteAsync($"{path}/{note["id"]}"));
        Assert.Single((await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync(path))).AsArray());
        var read = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/goods-received-notes/{noteId}"));
        Assert.Equal(Today.ToString("yyyy-MM-dd"), read["acceptedOn"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.NotFound, await otherMonitor.GetAsync($"/api/inventory/goods-received-notes/{noteId}"));
    }

    [Fact]
    public async Task An_upload_that_meets_the_acceptance_of_its_note_has_one_winner_and_no_file_reaches_an_accepted_note()
    {
        var (_, contractId) = await SignedContractAsync(donor: "EU-DGNEAR");
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 1), [Serial()]));
        var noteId = receipt["id"]!.GetValue<Guid>();
        var path = $"/api/inventory/goods-received-notes/{noteId}/attachments";

        // Both have read the open note and reach their save together.
        var answers = await Race.RunAsync(factory.Gate, 2, i => i == 0
            ? _logistics.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Pdf(), "signed.pdf", "application/pdf"))
            : _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{noteId}/acceptance", new { acceptedOn = Today }));
        Race.AssertOneWinner(answers);
        var files = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync(path))).AsArray().Count;
        var acceptedOn = (await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync($"/api/inventory/goods-received-notes/{noteId}")))["acceptedOn"];
        Assert.Equal(answers[0].Status == HttpStatusCode.Created ? 1 : 0, files);
        Assert.Equal(answers[1].Status == HttpStatusCode.OK, acceptedOn is not null);
    }

    [Fact]
    public async Task A_handover_certificate_is_signed_with_its_signed_scan_and_then_keeps_it_unchanged()
    {
        var (_, contractId) = await SignedContractAsync();
        var receipt = await HttpAssert.StatusAsync(HttpStatusCode.Created, await ReceiveAsync(await ArrivedShipmentAsync(contractId, 1), [Serial()]));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{receipt["id"]}/acceptance", new { acceptedOn = Today }));
        var handover = await HandOverAsync(receipt["assets"]![0]!["id"]!.GetValue<Guid>());
        var id = handover["id"]!.GetValue<Guid>();

        var unsigned = await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/handovers/{id}/signature", new { signedOn = Today }),
            field: "attachments");
        Assert.Equal("SignedScanAttached", unsigned["violations"]![0]!["rule"]!.GetValue<string>());
        var scan = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsync($"/api/inventory/handovers/{id}/attachments",
            EvidenceFiles.Form(EvidenceFiles.Pdf(), "procès-verbal de remise.pdf", "application/pdf")));
        await HttpAssert.ProblemAsync(HttpStatusCode.BadRequest, await _logistics.PostAsJsonAsync($"/api/inventory/handovers/{id}/signature", new { signedOn = Today.AddDays(-1) }),
            field: "signedOn");
        var signed = await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/handovers/{id}/signature", new { signedOn = Today }));
        Assert.Equal(Today.ToString("yyyy-MM-dd"), signed["signedOn"]!.GetValue<string>());

        var closed = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsync($"/api/inventory/handovers/{id}/attachments",
            EvidenceFiles.Form(EvidenceFiles.Pdf(), "another.pdf", "application/pdf")));
        Assert.Equal("Signed", closed["currentState"]!.GetValue<string>());
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.DeleteAsync($"/api/inventory/handovers/{id}/attachments/{scan["id"]}"));
        await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsJsonAsync($"/api/inventory/handovers/{id}/signature", new { signedOn = Today }));
    }

    [Fact]
    public async Task A_theft_takes_its_police_report_after_it_is_recorded_and_never_loses_it()
    {
        var (_, contractId) = await SignedContractAsync();
        var assetId = (await ReceivedAssetsAsync(contractId, 1))[0];
        var path = $"/api/inventory/assets/{assetId}/disposal/attachments";
        var inService = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Pdf(), "report.pdf", "application/pdf")));
        Assert.Equal("Received", inService["currentState"]!.GetValue<string>());
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/disposal",
            new { kind = "Stolen", on = Today, reason = "Stolen from the warehouse", evidenceReference = "Police report 2291" }));
        var report = await HttpAssert.StatusAsync(HttpStatusCode.Created, await _logistics.PostAsync(path, EvidenceFiles.Form(EvidenceFiles.Pdf(), "police report 2291.pdf", "application/pdf")));
        Assert.Equal(assetId, report["subjectId"]!.GetValue<Guid>());
        var kept = await HttpAssert.ProblemAsync(HttpStatusCode.Conflict, await _logistics.DeleteAsync($"{path}/{report["id"]}"));
        Assert.Equal("Stolen", kept["currentState"]!.GetValue<string>());
        Assert.Single((await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.GetAsync(path))).AsArray());
    }
}

public class EvidenceRulesTests
{
    private static readonly DateOnly HandedOver = new(2026, 11, 20);

    private static Domain.HandoverCertificate Certificate() => new("HC-2026-0001", Guid.NewGuid(), "EU-DGNEAR", HandedOver, "Tunis", "ICMPD",
        "Sophie Laurent", "Project manager", "Garde nationale (Tunisia)", "Col. Ben Salah", "Director", [Guid.NewGuid()]);

    [Fact]
    public void A_certificate_is_signed_once_with_its_scan_on_a_day_between_the_handover_and_today_and_is_closed_from_then_on()
    {
        var certificate = Certificate();
        Assert.Null(certificate.EvidenceClosedState);
        Assert.Equal("SignedScanAttached", Assert.Throws<BuildingBlocks.Errors.RuleViolationException>(() => certificate.RecordSignature(HandedOver, 0, HandedOver)).Rule);
        Assert.Equal("NotBeforeHandover", Assert.Throws<BuildingBlocks.Errors.RuleViolationException>(() => certificate.RecordSignature(HandedOver.AddDays(-1), 1, HandedOver)).Rule);
        Assert.Equal("NotInFuture", Assert.Throws<BuildingBlocks.Errors.RuleViolationException>(() => certificate.RecordSignature(HandedOver.AddDays(2), 1, HandedOver.AddDays(1))).Rule);
        certificate.RecordSignature(HandedOver.AddDays(1), 1, HandedOver.AddDays(1));
        Assert.Equal(("Signed", HandedOver.AddDays(1)), (certificate.EvidenceClosedState, certificate.SignedOn));
        Assert.Equal("Signed", Assert.Throws<BuildingBlocks.Errors.StateConflictException>(() => certificate.RecordSignature(HandedOver.AddDays(1), 1, HandedOver.AddDays(1))).CurrentState);
    }
}
