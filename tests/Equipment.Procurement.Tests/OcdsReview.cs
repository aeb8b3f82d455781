using System.Text.Json;

namespace Equipment.Procurement.Tests;

/// <summary>
/// The checks the OCDS data-review tools make beyond the schema, written from issue 15's list: no empty string, object or
/// array; ids unique in each array of objects and release ids unique per ocid; every ocid with the publisher's prefix;
/// every party referenced by id present in <c>parties</c> with the role the reference implies; periods and dates in order.
/// </summary>
public static class OcdsReview
{
    public static IReadOnlyList<string> Problems(JsonElement package, string ocidPrefix)
    {
        var problems = new List<string>();
        Walk(package, "$", problems);
        var releases = package.GetProperty("releases").EnumerateArray().ToList();
        foreach (var group in releases.GroupBy(r => r.GetProperty("ocid").GetString()))
        {
            if (!group.Key!.StartsWith(ocidPrefix, StringComparison.Ordinal)) problems.Add($"ocid {group.Key} lacks the prefix {ocidPrefix}");
            foreach (var id in group.GroupBy(r => r.GetProperty("id").GetString()).Where(g => g.Count() > 1)) problems.Add($"{group.Key}: release id {id.Key} twice");
        }
        foreach (var release in releases)
        {
            var where = $"{release.GetProperty("ocid").GetString()}/{release.GetProperty("id").GetString()}";
            var parties = release.TryGetProperty("parties", out var p)
                ? p.EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!, x => x.TryGetProperty("roles", out var r) ? r.EnumerateArray().Select(y => y.GetString()!).ToHashSet() : [])
                : [];
            void Party(JsonElement reference, string role, string path)
            {
                var id = reference.TryGetProperty("id", out var i) ? i.GetString() : null;
                if (id is null) problems.Add($"{where} {path}: no id");
                else if (!parties.TryGetValue(id, out var roles)) problems.Add($"{where} {path}: party {id} is not in parties");
                else if (!roles.Contains(role)) problems.Add($"{where} {path}: party {id} lacks the role {role}");
            }
            if (release.TryGetProperty("buyer", out var buyer)) Party(buyer, "buyer", "buyer");
            if (release.TryGetProperty("tender", out var tender))
            {
                if (tender.TryGetProperty("procuringEntity", out var pe)) Party(pe, "procuringEntity", "tender.procuringEntity");
                if (tender.TryGetProperty("tenderers", out var tenderers)) foreach (var t in tenderers.EnumerateArray()) Party(t, "tenderer", "tender.tenderers");
                Period(tender, "tenderPeriod", where, problems);
            }
            var awardDates = new Dictionary<string, DateTimeOffset>();
            if (release.TryGetProperty("awards", out var awards))
                foreach (var award in awards.EnumerateArray())
                {
                    if (award.TryGetProperty("suppliers", out var suppliers)) foreach (var s in suppliers.EnumerateArray()) Party(s, "supplier", "awards.suppliers");
                    if (award.TryGetProperty("date", out var d) && award.TryGetProperty("id", out var aid)) awardDates[aid.GetString()!] = d.GetDateTimeOffset();
                    Period(award, "contractPeriod", where, problems);
                }
            if (release.TryGetProperty("contracts", out var contracts))
                foreach (var contract in contracts.EnumerateArray())
                {
                    Period(contract, "period", where, problems);
                    if (contract.TryGetProperty("dateSigned", out var signed) && contract.TryGetProperty("awardID", out var awardId)
                        && awardDates.TryGetValue(awardId.GetString()!, out var awarded) && signed.GetDateTimeOffset() < awarded)
                        problems.Add($"{where}: contract signed {signed} before its award {awarded:o}");
                }
        }
        return problems;
    }

    private static void Period(JsonElement parent, string name, string where, List<string> problems)
    {
        if (parent.TryGetProperty(name, out var period) && period.TryGetProperty("startDate", out var start) && period.TryGetProperty("endDate", out var end)
            && end.GetDateTimeOffset() < start.GetDateTimeOffset())
            problems.Add($"{where} {name}: ends {end} before it starts {start}");
    }

    private static void Walk(JsonElement e, string path, List<string> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String when e.GetString()!.Trim().Length == 0: problems.Add($"{path}: empty string"); break;
            case JsonValueKind.Object:
                if (!e.EnumerateObject().Any()) problems.Add($"{path}: empty object");
                foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{path}.{p.Name}", problems);
                break;
            case JsonValueKind.Array:
                var items = e.EnumerateArray().ToList();
                if (items.Count == 0) problems.Add($"{path}: empty array");
                if (path.EndsWith(".releases", StringComparison.Ordinal)) { }
                else foreach (var id in items.Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out _))
                             .GroupBy(i => i.GetProperty("id").ToString()).Where(g => g.Count() > 1))
                    problems.Add($"{path}: id {id.Key} twice");
                for (var i = 0; i < items.Count; i++) Walk(items[i], $"{path}[{i}]", problems);
                break;
        }
    }
}
