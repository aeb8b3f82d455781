using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Equipment.Portal.Components.Shared;

/// <summary>
/// A select whose options are given as values and labels, rendered with <c>selected</c> on the chosen one. On a page
/// rendered on the server a plain <c>&lt;select value="…"&gt;</c> selects nothing (the browser shows the first option):
/// after a refused submit the user's choice would silently turn into the first option. With <see cref="Placeholder"/>
/// an empty first option ("Choose…") leaves the answer explicitly unanswered until the user picks one.
/// </summary>
public sealed class ChoiceSelect<TValue> : InputSelect<TValue>
{
    [Microsoft.AspNetCore.Components.Parameter, Microsoft.AspNetCore.Components.EditorRequired]
    public IEnumerable<(TValue Value, string Label)> Options { get; set; } = [];

    [Microsoft.AspNetCore.Components.Parameter] public string? Placeholder { get; set; }

    /// <summary>No value is "" (the placeholder): InputSelect would show a null bool? as "false", answering "No" for the user.</summary>
    protected override string? FormatValueAsString(TValue? value) => value is null ? "" : base.FormatValueAsString(value);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var current = CurrentValueAsString ?? "";
        builder.OpenElement(0, "select");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        if (!string.IsNullOrEmpty(NameAttributeValue)) builder.AddAttribute(2, "name", NameAttributeValue);
        if (!string.IsNullOrEmpty(CssClass)) builder.AddAttribute(3, "class", CssClass);
        if (Placeholder is not null)
        {
            builder.OpenElement(4, "option");
            builder.AddAttribute(5, "value", "");
            builder.AddAttribute(6, "selected", current.Length == 0);
            builder.AddContent(7, Placeholder);
            builder.CloseElement();
        }
        foreach (var (value, label) in Options)
        {
            var text = FormatValueAsString(value) ?? "";
            builder.OpenElement(8, "option");
            builder.AddAttribute(9, "value", text);
            builder.AddAttribute(10, "selected", text.Length > 0 && text == current);
            builder.AddContent(11, label);
            builder.CloseElement();
        }
        builder.CloseElement();
    }
}
