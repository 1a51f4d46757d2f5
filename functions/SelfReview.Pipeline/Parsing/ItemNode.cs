using System.Text;

namespace SelfReview.Pipeline.Parsing;

/// <summary>A node of a section's item tree while it is being built.</summary>
internal sealed class ItemNode(Enumerator? enumerator, string text, ItemNode? parent)
{
    private readonly StringBuilder _text = new(text);

    public Enumerator? Enumerator { get; } = enumerator;
    public ItemNode? Parent { get; } = parent;
    public List<ItemNode> Children { get; } = [];
    public bool IsLoose => Enumerator is null;

    /// <summary>The text as first written on the enumerator's line (heading candidates live here).</summary>
    public string FirstLine { get; } = text;

    public string Text => _text.ToString();

    public void Continue(string more)
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        _text.Append(more);
    }
}
