using System.Text.RegularExpressions;

namespace Equipment.Portal.Tests;

/// <summary>
/// Issue #16, "errors name the field beside the field": every refusal shown beside a field (<c>&lt;FieldError Field="x"&gt;</c>)
/// has an input that names it (<c>Invalid("x")</c>: <c>aria-describedby="x-error"</c>, and <c>aria-invalid</c>), and an input
/// component (an InputBase, which drops an <c>aria-invalid</c> given as an attribute) gets its <c>aria-invalid</c> from the
/// FieldError's <c>For</c>. Read from the pages' source: a page that shows a refusal no input carries fails here.
/// </summary>
public sealed partial class FieldErrorsTests
{
    /// <summary>The Blazor inputs that mark themselves aria-invalid only from their EditContext.</summary>
    private static readonly HashSet<string> InputComponents =
        ["InputText", "InputDate", "InputNumber", "InputTextArea", "InputSelect", "ChoiceSelect", "InputCheckbox", "InputRadioGroup"];

    private static readonly string Components = Path.Combine(Root(), "gateway", "Equipment.Portal", "Components");

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Equipment.sln) is not above the test's folder");
    }

    [GeneratedRegex(@"<(FieldError|FieldErrorsUnder)\b((?:[^<>]|=>)*?)/>", RegexOptions.Singleline)]
    private static partial Regex Shown();

    /// <summary>The field a FieldError shows: <c>Field="x"</c>, <c>Field="@($"lines[{n}].x")"</c>, <c>Field="@at"</c>; a FieldErrorsUnder's <c>Prefix</c>.</summary>
    [GeneratedRegex(@"\b(?:Field|Prefix)=""(?:@\((?<expr>\$""[^""]*"")\)|@(?<ident>[A-Za-z_]\w*)|(?<literal>[^""@]*))""")]
    private static partial Regex FieldOf();

    [GeneratedRegex(@"<([A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Tag();

    private static string Pattern(Match field, bool under)
    {
        var written = field.Groups["expr"].Success ? Regex.Escape(field.Groups["expr"].Value)
            : field.Groups["ident"].Success ? $@"\b{field.Groups["ident"].Value}\b"
            : Regex.Escape($"\"{field.Groups["literal"].Value}\"");
        return (under ? @"InvalidUnder\(" : @"Invalid(?:Any)?\(") + @"[^()]*?" + written;
    }

    [Fact]
    public void Every_refusal_shown_beside_a_field_is_named_by_its_input()
    {
        var problems = new List<string>();
        var shown = 0;
        foreach (var file in Directory.GetFiles(Components, "*.razor", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var page = Path.GetRelativePath(Components, file);
            foreach (Match error in Shown().Matches(text))
            {
                shown++;
                var attributes = error.Groups[2].Value;
                var line = text[..error.Index].Count(c => c == '\n') + 1;
                if (attributes.Contains("NoInput=\"true\"", StringComparison.Ordinal)) continue;
                var field = FieldOf().Match(attributes);
                if (!field.Success) { problems.Add($"{page}:{line}: a {error.Groups[1].Value} whose field this test cannot read"); continue; }
                var inputs = Regex.Matches(text, Pattern(field, error.Groups[1].Value == "FieldErrorsUnder"));
                if (inputs.Count == 0) { problems.Add($"{page}:{line}: {field.Value}: no input names it (Invalid)"); continue; }
                foreach (Match input in inputs)
                {
                    var tag = Tag().Matches(text[..input.Index]).Last().Groups[1].Value;
                    if (InputComponents.Contains(tag) && !attributes.Contains("For=", StringComparison.Ordinal))
                        problems.Add($"{page}:{line}: {field.Value}: its {tag} marks itself aria-invalid only with the FieldError's For");
                }
            }
        }
        Assert.True(shown > 100, $"found only {shown} FieldErrors under {Components}: the search no longer sees them");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
