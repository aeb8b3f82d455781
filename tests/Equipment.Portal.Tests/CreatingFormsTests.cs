using System.Text.RegularExpressions;

namespace Equipment.Portal.Tests;

/// <summary>
/// Issue #16, "a reload or a double click never creates a second record": read from the pages' source, every form
/// (<c>&lt;EditForm Model="X" FormName="f"&gt;</c>) binds a concrete class the framework can fill from the post (an abstract
/// one, such as <c>CreatingForm</c> itself, is a 500 on every submit), and every creating form carries its
/// <c>SubmissionKey</c> in a hidden field and hands it to the submit (<c>SubmitAsync(X.SubmissionKey, …)</c>), which sends
/// one form once.
/// </summary>
public sealed partial class CreatingFormsTests
{
    private static readonly string Components = Path.Combine(Root(), "gateway", "Equipment.Portal", "Components");

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Equipment.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root (Equipment.sln) is not above the test's folder");
    }

    [GeneratedRegex(@"<EditForm\b[^>]*?\bModel=""@?(?<model>\w+)""[^>]*?\bFormName=""(?<name>[^""]+)""[^>]*>(?<body>.*?)</EditForm>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex(@"<EditForm\b[^>]*?\bFormName=""(?<name>[^""]+)""[^>]*?\bModel=""@?(?<model>\w+)""[^>]*>(?<body>.*?)</EditForm>", RegexOptions.Singleline)]
    private static partial Regex FormNamedFirst();

    [Fact]
    public void Every_form_binds_a_concrete_class_and_every_creating_form_sends_its_submission_key_once()
    {
        var problems = new List<string>();
        var forms = 0;
        foreach (var file in Directory.EnumerateFiles(Components, "*.razor", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var page = Path.GetRelativePath(Components, file);
            foreach (var form in Form().Matches(text).Concat(FormNamedFirst().Matches(text)).DistinctBy(m => m.Index))
            {
                forms++;
                var (model, name, body) = (form.Groups["model"].Value, form.Groups["name"].Value, form.Groups["body"].Value);
                // [SupplyParameterFromForm(FormName = "f")], or a page's only form bound without a name
                var bound = Regex.Match(text, $@"\[SupplyParameterFromForm(?:\(FormName = ""{Regex.Escape(name)}""\))?\]\s*(?:private|public|protected)\s+(?<type>\w+)\??\s+{model}\b");
                if (!bound.Success) { problems.Add($"{page}: form '{name}' has no [SupplyParameterFromForm] property {model}"); continue; }
                var type = bound.Groups["type"].Value;
                if (type == "CreatingForm" || Regex.IsMatch(text, $@"\babstract\s+class\s+{type}\b"))
                    problems.Add($"{page}: form '{name}' binds {type}, which the framework cannot create from a post");
                var creating = Regex.IsMatch(text, $@"class\s+{type}\s*:\s*CreatingForm\b");
                if (!creating) continue;
                if (!body.Contains($"@bind-Value=\"{model}.SubmissionKey\"", StringComparison.Ordinal))
                    problems.Add($"{page}: creating form '{name}' has no hidden {model}.SubmissionKey");
                if (!Regex.IsMatch(text, $@"\(\s*{model}\.SubmissionKey\b"))
                    problems.Add($"{page}: creating form '{name}' never hands {model}.SubmissionKey to its submit");
            }
        }
        Assert.True(forms >= 40, $"only {forms} forms found: the pattern no longer reads the pages");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
