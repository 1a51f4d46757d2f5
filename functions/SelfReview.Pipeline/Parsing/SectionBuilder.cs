using SelfReview.Contracts;

namespace SelfReview.Pipeline.Parsing;

/// <summary>
/// Builds one section's item tree. Nesting follows the order families appear in (an author may skip
/// or reorder levels): a family already open closes everything below it; a new family opens one level
/// deeper, unless its usual rank is shallower than open levels (a statement that starts mid-way).
/// </summary>
internal sealed class SectionBuilder(SectionKind kind, string? heading, string? headingFamily, Func<string, string, bool> siblings)
{
    private readonly ItemNode _root = new(null, string.Empty, null);
    private readonly List<ItemNode> _open = [];

    public SectionKind Kind { get; set; } = kind;
    public string? Heading { get; } = heading;
    public string? HeadingFamily { get; } = headingFamily;
    public bool IsEmpty => _root.Children.Count == 0;
    public bool HasEnumeratedItems => _open.Count > 0 || _root.Children.Any(c => !c.IsLoose);

    /// <summary>
    /// The last ordinal of each family that will be open once <paramref name="next"/> is added (deeper
    /// levels close when a shallower enumerator arrives), for recognising the next item run into a paragraph.
    /// </summary>
    public Dictionary<string, int> OpenOrdinals(Enumerator? next)
    {
        var open = _open.Select(n => n.Enumerator!).ToList();
        if (next is not null)
        {
            var index = open.FindIndex(e => e.Family == next.Family);
            if (index >= 0)
            {
                open.RemoveRange(index, open.Count - index);
            }
            else
            {
                while (open.Count > 0 && open[^1].Rank > next.Rank)
                {
                    open.RemoveAt(open.Count - 1);
                }
            }

            open.Add(next);
        }

        var result = new Dictionary<string, int>();
        foreach (var e in open)
        {
            result[e.Family] = e.Ordinal;
        }

        return result;
    }

    public IEnumerable<string> AllText()
    {
        var stack = new Stack<ItemNode>();
        stack.Push(_root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Text.Length > 0)
            {
                yield return n.Text;
            }

            foreach (var c in n.Children)
            {
                stack.Push(c);
            }
        }
    }

    public void AddLoose(string text)
    {
        if (_open.Count > 0)
        {
            // A paragraph without an enumerator continues the item before it.
            _open[^1].Continue(text);
        }
        else
        {
            _root.Children.Add(new ItemNode(null, text, _root));
        }
    }

    public void AddEnumerated(Enumerator enumerator, string text)
    {
        var index = _open.FindIndex(n => n.Enumerator!.Family == enumerator.Family);
        if (index < 0)
        {
            // Authors mix 1. / 2． / 3、 (or 首先 / 其次 / 第三，) in one list: an item that continues an open list of a sibling family is its sibling.
            index = _open.FindLastIndex(n => siblings(n.Enumerator!.Family, enumerator.Family) && n.Enumerator.Ordinal == enumerator.Ordinal - 1);
        }

        if (index >= 0)
        {
            _open.RemoveRange(index, _open.Count - index);
        }
        else
        {
            while (_open.Count > 0 && _open[^1].Enumerator!.Rank > enumerator.Rank)
            {
                _open.RemoveAt(_open.Count - 1);
            }
        }

        var parent = _open.Count > 0 ? _open[^1] : _root;
        var node = new ItemNode(enumerator, text, parent);
        parent.Children.Add(node);
        _open.Add(node);
    }

    /// <summary>
    /// Whether <paramref name="next"/> starts a new list at the top of this section: its first item, in the
    /// family (or a sibling) of the list the section opened with, after that list has items.
    /// </summary>
    public bool RestartsTopList(Enumerator next) =>
        next.Ordinal == 1 && _open.Count > 0 && siblings(_open[0].Enumerator!.Family, next.Family)
        && _root.Children.Count(c => !c.IsLoose && siblings(c.Enumerator!.Family, next.Family)) >= 2;

    /// <summary>Whether the top-level list holds items of another family than <paramref name="next"/>'s, with <paramref name="next"/> at a shallower or equal rank.</summary>
    public bool OpensShallowerList(Enumerator next) =>
        next.Ordinal == 1 && _open.Count > 0 && !siblings(_open[0].Enumerator!.Family, next.Family) && next.Rank <= _open[0].Enumerator!.Rank
        && _root.Children.Count(c => !c.IsLoose && siblings(c.Enumerator!.Family, _open[0].Enumerator!.Family)) >= 2;

    /// <summary>
    /// Whether <paramref name="next"/> opens a deeper list under an aspect item whose siblings hold no
    /// sub-items (<c>（二）…方面。作为…</c> … <c>（五）…方面。…</c> then <c>一是理想信念…</c>): the list is likely a
    /// part of its own whose heading is missing, not sub-items of the last aspect.
    /// </summary>
    public bool OpensListUnderItemsWithoutSubItems(Enumerator next)
    {
        if (next.Ordinal != 1 || _open.Count == 0 || next.Rank <= _open[^1].Enumerator!.Rank)
        {
            return false;
        }

        var parent = _open[^1];
        var siblingItems = (parent.Parent ?? _root).Children.Where(c => !c.IsLoose).ToList();
        return siblingItems.Count >= 2 && siblingItems.All(c => c.Children.Count == 0) && parent.Text.Length > ItemText.HeadOf(parent.FirstLine).Length + 1;
    }

    /// <summary>Whether the section holds loose paragraphs only (a lead-in or a paragraph item), so <paramref name="next"/> opens its first list.</summary>
    public bool OpensFirstList(Enumerator next) => next.Ordinal == 1 && _open.Count == 0 && !IsEmpty;

    /// <summary>The items: the leaves of the tree, at the finest level the author enumerates.</summary>
    public IReadOnlyList<LeafItem> Leaves()
    {
        var leaves = new List<LeafItem>();
        var topLevel = _root.Children;
        var firstEnumerated = topLevel.FindIndex(c => !c.IsLoose);
        for (var i = 0; i < topLevel.Count; i++)
        {
            // Loose paragraphs before the first enumerated item introduce the list; they are not items.
            if (firstEnumerated >= 0 && i < firstEnumerated && topLevel[i].IsLoose)
            {
                continue;
            }

            Collect(topLevel[i], null, leaves);
        }

        return leaves;
    }

    private static void Collect(ItemNode node, ItemNode? aspect, List<LeafItem> leaves)
    {
        if (node.Children.Count == 0)
        {
            leaves.Add(new LeafItem(node, aspect, node.Parent?.Children.Any(s => s.Children.Count > 0) ?? false));
            return;
        }

        var firstEnumerated = node.Children.FindIndex(c => !c.IsLoose);
        for (var i = 0; i < node.Children.Count; i++)
        {
            if (firstEnumerated >= 0 && i < firstEnumerated && node.Children[i].IsLoose)
            {
                continue;
            }

            Collect(node.Children[i], node, leaves);
        }
    }
}

/// <summary>An item of the finest level, with the node it stands under.</summary>
/// <param name="Node">The item's node.</param>
/// <param name="Aspect">The enclosing node (its heading is the item's aspect), or null.</param>
/// <param name="SiblingsHaveItems">Whether sibling nodes hold sub-items (then this leaf is an aspect with none).</param>
internal sealed record LeafItem(ItemNode Node, ItemNode? Aspect, bool SiblingsHaveItems);
