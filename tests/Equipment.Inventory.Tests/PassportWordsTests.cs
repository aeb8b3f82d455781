using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Equipment.ApiClient;
using Equipment.BuildingBlocks.Contracts;
using Equipment.DonorReporting.Contracts;
using Equipment.DonorReporting.Contracts.Api;
using Equipment.Inventory.Data;
using Equipment.Inventory.Domain;
using Equipment.Inventory.Features.Passport;
using Equipment.Maintenance.Contracts;
using Equipment.Maintenance.Contracts.Api;
using Equipment.Testing;
using Microsoft.EntityFrameworkCore;

namespace Equipment.Inventory.Tests;

/// <summary>
/// The passport says each entry in words (an English phrase and its facts) as well as in English, so that the portal says
/// it in French and Arabic: the words say the same English, names and what users typed stay facts, and every phrase has
/// its French and Arabic on the portal's asset page.
/// </summary>
public partial class InventoryApiTests
{
    private IInventoryApi Typed => EquipmentApi.For(_logistics).Inventory;

    [Fact]
    public async Task Every_kind_of_passport_entry_says_its_English_detail_in_words_too()
    {
        var (_, contractId) = await SignedContractAsync();
        var assetId = (await ReceivedAssetsAsync(contractId, 1))[0];
        var noteId = (await Typed.GetPassportAsync(assetId)).GoodsReceivedNoteId!.Value;
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/goods-received-notes/{noteId}/acceptance", new { acceptedOn = Today }));
        await HandOverAsync(assetId);
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/deployment",
            new { crossingPointCode = "TN-DEHIBA-WAZIN", deployedOn = Today, deviationReason = "The Ras Ajdir tower is not built yet" }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/transfer",
            new { toCrossingPointCode = "TN-RAS-AJDIR", transferredOn = Today, reason = "Tower {0} finished" }));   // what a user typed is a fact, braces and all
        Assert.Equal("SUCCESS", await factory.DeliverAsync(AssetStatusChanged.Topic,
            new AssetStatusChanged(assetId, OperationalStatus.OutOfService, DateTimeOffset.UtcNow, "Cooler failure") { OccurredAt = DateTimeOffset.UtcNow }));
        Assert.Equal("SUCCESS", await factory.DeliverAsync(VerificationRecorded.Topic, new VerificationRecorded(
            Guid.NewGuid(), Guid.NewGuid(), "TN-RAS-AJDIR", Today, "monitor", [new AssetFinding(assetId, Finding.FoundAsExpected, "EU marking visible")]) { OccurredAt = DateTimeOffset.UtcNow }));
        await HttpAssert.StatusAsync(HttpStatusCode.OK, await _logistics.PostAsJsonAsync($"/api/inventory/assets/{assetId}/disposal",
            new { kind = "Stolen", on = Today, reason = "Taken from the tower", evidenceReference = "PV-2026-17" }));

        var passport = await Typed.GetPassportAsync(assetId);
        var contract = passport.ContractReference;
        var expected = new Dictionary<string, (string Phrase, string English)>
        {
            ["ContractSigned"] = (PassportWords.ContractSignedPhrase, $"Contract {contract} line 1 signed with Thermovision GmbH: 3 × Thermal camera at 42,500.00 EUR"),
            ["Dispatched"] = ("Waybill {0} ({1})", @"^Waybill WB-\w{8} \(DHL Global Forwarding\)$"),
            ["Arrived"] = ("At warehouse {0}", @"^At warehouse WH-\w{6}$"),
            ["Received"] = ("{0} → {1}, warehouse {2}: Goods received note {3} [{4}] (by {5})",
                @"^Thermovision GmbH → ICMPD, warehouse WH-\w{6}: Goods received note (\S+) \[\1\] \(by logistics\)$"),
            ["Accepted"] = ("Accepted under {0}", @"^Accepted under \S+$"),
            ["HandedOver"] = ("{0} → {1}: Handover certificate {2} [{3}] (by {4})",
                @"^ICMPD → Garde nationale \(Tunisia\): Handover certificate (\S+) \[\1\] \(by logistics\)$"),
            ["Deployed"] = ("warehouse {0} → {1}: Deployment away from the contract line's destination {2} (deviation): {3} (by {4})",
                @"^warehouse WH-\w{6} → Dehiba–Wazin \(TN-DEHIBA-WAZIN\): Deployment away from the contract line's destination TN-RAS-AJDIR \(deviation\): The Ras Ajdir tower is not built yet \(by logistics\)$"),
            ["Deviation"] = ("Deployed at {0} instead of the contract line's destination {1}: {2}",     // where it was deployed, though transferred since
                "Deployed at Dehiba–Wazin (TN-DEHIBA-WAZIN) instead of the contract line's destination TN-RAS-AJDIR: The Ras Ajdir tower is not built yet"),
            ["Transferred"] = ("{0} → {1}: {2} (by {3})", "TN-DEHIBA-WAZIN → Ras Ajdir (TN-RAS-AJDIR): Tower {0} finished (by logistics)"),
            ["StatusChanged"] = ("OutOfService: {0}", "OutOfService: Cooler failure"),
            ["VerificationFinding"] = ("FoundAsExpected at {0} (visit by {1}): {2}", "FoundAsExpected at TN-RAS-AJDIR (visit by monitor): EU marking visible"),
            ["Stolen"] = ("{0} → out of inventory: {1} [{2}] (by {3})", "TN-RAS-AJDIR → out of inventory: Taken from the tower [PV-2026-17] (by logistics)"),
        };
        Assert.Equal(expected.Keys.Order(), passport.Timeline.Select(e => e.Kind).Order());
        foreach (var entry in passport.Timeline)
        {
            var (phrase, english) = expected[entry.Kind];
            Assert.True(entry.DetailWords is not null, $"{entry.Kind} has no words");
            Assert.Equal((entry.Kind, phrase), (entry.Kind, entry.DetailWords.Phrase));
            Assert.Equal(entry.Detail, entry.DetailWords.Text);
            Assert.Contains(entry.DetailWords.Phrase, PassportWords.Phrases);
            if (english.StartsWith('^')) Assert.Matches(english, entry.Detail);
            else Assert.Equal(english, entry.Detail);
        }
        Assert.Equal(["Dehiba–Wazin (TN-DEHIBA-WAZIN)", "TN-RAS-AJDIR", "The Ras Ajdir tower is not built yet"], passport.Timeline.Single(e => e.Kind == "Deviation").DetailWords!.Facts);

        var custody = await Typed.GetCustodyLogAsync(assetId);
        foreach (var c in custody)
            foreach (var (text, words) in new[] { (c.From, c.FromWords), (c.To, c.ToWords), (c.Why, c.WhyWords) })
                if (words is not null) Assert.Equal(text, words.Text);
        var received = custody.Single(c => c.Action == CustodyAction.Received);
        Assert.Equal((null, "{0}, warehouse {1}", "Goods received note {0}"), (received.FromWords, received.ToWords?.Phrase, received.WhyWords?.Phrase));
        Assert.Equal(["ICMPD", received.To[(received.To.LastIndexOf(' ') + 1)..]], received.ToWords!.Facts);
        var deployed = custody.Single(c => c.Action == CustodyAction.Deployed);
        Assert.Equal(("warehouse {0}", null, CustodyWords.DeviationPhrase), (deployed.FromWords?.Phrase, deployed.ToWords, deployed.WhyWords?.Phrase));
        Assert.Equal(["TN-RAS-AJDIR", "The Ras Ajdir tower is not built yet"], deployed.WhyWords!.Facts);
        Assert.All(custody.Where(c => c.Action is CustodyAction.Transferred or CustodyAction.Stolen), c => Assert.Equal((null, null, null), (c.FromWords, c.ToWords, c.WhyWords)));
    }

    [Fact]
    public async Task A_deemed_acceptance_is_said_in_words_and_a_note_kept_before_its_words_were_shows_its_English()
    {
        var (_, contractId) = await SignedContractAsync();
        var assetId = (await ReceivedAssetsAsync(contractId, 1))[0];
        await factory.WithDbAsync<InventoryDbContext, int>(async db =>
        {
            await db.Assets.Where(a => a.Id == assetId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReceivedOn, Today.AddDays(-31)));
            db.AssetNotes.Add(new AssetNote(assetId, DateTime.UtcNow.AddMinutes(-2), "maintenance", "StatusChanged", Words.Say("Degraded")));
            await db.SaveChangesAsync();
            db.AssetNotes.Add(new AssetNote(assetId, DateTime.UtcNow.AddMinutes(-1), "maintenance", "StatusChanged", Words.Say("UnderRepair")));
            await db.SaveChangesAsync();
            var older = await db.AssetNotes.Where(n => n.AssetId == assetId).MinAsync(n => n.Id);
            return await db.AssetNotes.Where(n => n.Id == older).ExecuteUpdateAsync(s => s.SetProperty(n => n.DetailPhrase, (string?)null).SetProperty(n => n.DetailFacts, (string?)null));
        });

        var passport = await Typed.GetPassportAsync(assetId);
        var accepted = Assert.Single(passport.Timeline, e => e.Kind == "Accepted");
        Assert.Equal(("Deemed accepted 30 days after receipt", PassportWords.DeemedAcceptedPhrase, "Deemed accepted 30 days after receipt"),
            (accepted.Detail, accepted.DetailWords?.Phrase, accepted.DetailWords?.Text));
        var notes = passport.Timeline.Where(e => e.Kind == "StatusChanged").ToList();
        Assert.Equal([("Degraded", null), ("UnderRepair", "UnderRepair")], notes.Select(n => (n.Detail, n.DetailWords?.Text)));
    }

    [Fact]
    public void The_custody_log_finds_its_own_words_in_what_it_wrote_and_nothing_in_what_users_typed()
    {
        Assert.Equal(["WH-TUN"], CustodyWords.Read("warehouse WH-TUN", CustodyWords.WarehousePhrase)?.Facts);
        Assert.Null(CustodyWords.Read("Warehouse WH-TUN", CustodyWords.WarehousePhrase));
        Assert.Null(CustodyWords.Read("Deployment at once", CustodyWords.DeploymentPhrase));
        var deviation = CustodyWords.Read("Deployment away from the contract line's destination TN-A (deviation): road cut (deviation): bridge [down]", CustodyWords.DeviationPhrase);
        Assert.Equal(["TN-A", "road cut (deviation): bridge [down]"], deviation?.Facts);
        Assert.Equal(CustodyWords.OwnerInWarehouse("ICMPD, Tunis office", "WH-1").Text,
            CustodyWords.Read("ICMPD, Tunis office, warehouse WH-1", CustodyWords.OwnerInWarehousePhrase)?.Text);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Every_phrase_of_the_passport_is_said_on_the_portals_asset_page(string language)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) dir = dir.Parent;
        var file = Path.Combine(dir!.FullName, "gateway", "Equipment.Portal", "Resources", "Components", "Pages", "Logistics", $"AssetPage.{language}.resx");
        var said = XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var phrases = PassportWords.Phrases.ToList();
        Assert.True(phrases.Count > 30, $"only {phrases.Count} phrases");
        var missing = phrases.Where(p => !said.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, $"AssetPage.{language}.resx does not say: {string.Join(" | ", missing)}");
        static string Placeholders(string text) => string.Join(",", Regex.Matches(text, @"\{(\d+)\}").Select(m => m.Groups[1].Value).Order());
        Assert.All(phrases, p => Assert.Equal(Placeholders(p), Placeholders(said[p])));
    }
}
