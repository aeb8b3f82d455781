using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Equipment.Testing;

/// <summary>Every instant an answer holds says which instant it is: written in UTC with its offset (<c>…Z</c>).</summary>
public static partial class InstantAssert
{
    /// <summary>Walks <paramref name="answer"/> and returns how many instants it holds; fails on one without an offset.</summary>
    public static int EveryInstantIsUtc(JsonNode? answer, string where)
    {
        var found = 0;
        Walk(answer, "$");
        return found;

        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o) Walk(value, $"{path}.{name}");
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]");
                    break;
                case JsonValue v when v.TryGetValue<string>(out var text) && DateTimeShape().IsMatch(text):
                    found++;
                    Assert.True(text.EndsWith('Z'), $"{where}: {path} is \"{text}\", an instant without its UTC offset");
                    break;
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex DateTimeShape();
}
