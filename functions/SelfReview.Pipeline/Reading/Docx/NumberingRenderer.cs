using System.Xml;

namespace SelfReview.Pipeline.Reading.Docx;

/// <summary>
/// Renders Word automatic numbering into the labels a reader sees ("一、", "（二）", "1.", "①").
/// Offices number headings with numbering.xml far more often than by typing: a reader that ignores
/// it loses the statement's structure. Counters follow ECMA-376 Part 1, 17.9: a list continues per
/// abstract definition, a deeper level restarts when a shallower one advances, and a
/// <c>w:startOverride</c> restarts the instance.
/// </summary>
internal sealed class NumberingRenderer
{
    private readonly Dictionary<int, int> _abstractOfNum = [];
    private readonly Dictionary<int, Dictionary<int, int>> _startOverrides = [];
    private readonly Dictionary<int, Dictionary<int, LevelDefinition>> _levels = [];
    private readonly Dictionary<int, int[]> _counters = [];
    private readonly HashSet<int> _numsStarted = [];
    private readonly StyleResolver _styles;
    private readonly int _maxLabel;

    /// <param name="numbering">The numbering part, or null when the document has none.</param>
    /// <param name="styles">The style chain, for numbering that comes from a paragraph style.</param>
    /// <param name="maxLabel">The longest label rendered (<see cref="LimitsOptions.MaxLabelLength"/>); longer ones are cut.</param>
    public NumberingRenderer(Stream? numbering, StyleResolver styles, int maxLabel = 32)
    {
        _styles = styles;
        _maxLabel = maxLabel;
        if (numbering is null)
        {
            return;
        }

        // Instances refer to abstract definitions by id, and a w:lvlOverride copies one: read every
        // definition first, then resolve the instances in document order.
        var instances = new List<(int NumId, int AbstractId, List<(int Level, LevelDefinition? Redefined, int? Start)> Overrides)>();
        using (var reader = XmlReader.Create(numbering, WordXml.Settings))
        {
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (WordXml.Is(reader, "abstractNum"))
                {
                    var id = WordXml.Int(reader, "abstractNumId");
                    var levels = ReadLevels(reader);
                    if (id is int abstractId)
                    {
                        _levels[abstractId] = levels;
                    }
                }
                else if (WordXml.Is(reader, "num"))
                {
                    var numId = WordXml.Int(reader, "numId");
                    int? abstractId = null;
                    var overrides = new List<(int, LevelDefinition?, int?)>();
                    WordXml.Children(reader, child =>
                    {
                        if (WordXml.Is(child, "abstractNumId"))
                        {
                            abstractId = WordXml.Int(child);
                            child.Skip();
                        }
                        else if (WordXml.Is(child, "lvlOverride") && WordXml.Int(child, "ilvl") is int lvl)
                        {
                            LevelDefinition? redefined = null;
                            int? start = null;
                            WordXml.Children(child, o =>
                            {
                                if (WordXml.Is(o, "lvl"))
                                {
                                    redefined = LevelDefinition.Read(o);
                                    return;
                                }

                                if (WordXml.Is(o, "startOverride"))
                                {
                                    start = WordXml.Int(o);
                                }

                                o.Skip();
                            });
                            overrides.Add((lvl, redefined, start));
                        }
                        else
                        {
                            child.Skip();
                        }
                    });
                    if (numId is int n && abstractId is int a)
                    {
                        instances.Add((n, a, overrides));
                    }
                }
                else
                {
                    // Descend: the definitions are children of w:numbering.
                    reader.Read();
                }
            }
        }

        foreach (var (numId, first, overrides) in instances)
        {
            var abstractId = first;
            _abstractOfNum[numId] = abstractId;
            foreach (var (lvl, redefined, start) in overrides)
            {
                if (redefined is not null)
                {
                    // A full level redefinition inside the instance wins over the abstract one.
                    var copy = new Dictionary<int, LevelDefinition>(_levels.GetValueOrDefault(abstractId) ?? []) { [lvl] = redefined };
                    _levels[-numId] = copy;
                    _abstractOfNum[numId] = -numId;
                    abstractId = -numId;
                }

                if (start is int value)
                {
                    (_startOverrides.TryGetValue(numId, out var map) ? map : _startOverrides[numId] = [])[lvl] = value;
                }
            }
        }
    }

    /// <summary>Advances the counters for the paragraph and returns its label, or null when it is not numbered.</summary>
    public string? Next(ParagraphFormat paragraph)
    {
        var (numId, ilvl) = _styles.NumberingOf(paragraph);
        if (numId is null or 0 || !_abstractOfNum.TryGetValue(numId.Value, out var abstractId)
            || !_levels.TryGetValue(abstractId, out var levels))
        {
            return null;
        }

        var level = ilvl ?? 0;
        if (level is < 0 or > 8 || !levels.TryGetValue(level, out var definition))
        {
            return null;
        }

        var counters = _counters.TryGetValue(abstractId, out var c) ? c : _counters[abstractId] = NewCounters(levels);
        if (_numsStarted.Add(numId.Value) && _startOverrides.TryGetValue(numId.Value, out var overrides))
        {
            foreach (var (lvl, start) in overrides)
            {
                if (lvl >= 0 && lvl < counters.Length)
                {
                    counters[lvl] = start - 1;
                }
            }
        }

        counters[level]++;
        for (var deeper = level + 1; deeper < counters.Length; deeper++)
        {
            counters[deeper] = (levels.TryGetValue(deeper, out var d) ? d.Start : 1) - 1;
        }

        if (definition.Format is "bullet" or "none")
        {
            return null;
        }

        return Render(definition, counters, levels, level, _maxLabel);
    }

    private static Dictionary<int, LevelDefinition> ReadLevels(XmlReader reader)
    {
        var levels = new Dictionary<int, LevelDefinition>();
        WordXml.Children(reader, child =>
        {
            if (WordXml.Is(child, "lvl") && WordXml.Int(child, "ilvl") is int index)
            {
                levels[index] = LevelDefinition.Read(child);
            }
            else
            {
                child.Skip();
            }
        });
        return levels;
    }

    private static int[] NewCounters(Dictionary<int, LevelDefinition> levels)
    {
        var counters = new int[9];
        for (var i = 0; i < counters.Length; i++)
        {
            counters[i] = (levels.TryGetValue(i, out var d) ? d.Start : 1) - 1;
        }

        return counters;
    }

    /// <summary>
    /// The label of lvlText with its %1…%9 filled in, cut at <paramref name="maxLabel"/> characters: a
    /// level text repeating %1 forty times over a ten-digit counter, on every paragraph, would otherwise
    /// make a record of hundreds of megabytes.
    /// </summary>
    private static string Render(LevelDefinition definition, int[] counters, Dictionary<int, LevelDefinition> levels, int level, int maxLabel)
    {
        var text = definition.Text ?? "%" + (level + 1);
        var result = new System.Text.StringBuilder(Math.Min(text.Length, maxLabel) + 4);
        for (var i = 0; i < text.Length && result.Length < maxLabel; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var referenced = text[i + 1] - '1';
                var value = Math.Max(counters[referenced], levels.TryGetValue(referenced, out var r) ? r.Start : 1);
                var format = referenced == level ? definition.Format : levels.GetValueOrDefault(referenced)?.Format;
                // w:isLgl shows every referenced level as decimal (17.9.4).
                result.Append(NumberFormatter.Format(value, definition.IsLegal ? "decimal" : format));
                i++;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.Length > maxLabel ? result.ToString(0, maxLabel) : result.ToString();
    }

    private sealed record LevelDefinition(int Start, string? Format, string? Text, bool IsLegal)
    {
        /// <summary>Reads the w:lvl the reader is on (17.9.6) and moves past it.</summary>
        public static LevelDefinition Read(XmlReader reader)
        {
            int? start = null;
            string? format = null;
            string? text = null;
            var legal = false;
            WordXml.Children(reader, child =>
            {
                if (WordXml.IsWord(child))
                {
                    switch (child.LocalName)
                    {
                        case "start":
                            start = WordXml.Int(child);
                            break;
                        case "numFmt":
                            format = WordXml.Attribute(child);
                            break;
                        case "lvlText":
                            text = WordXml.Attribute(child);
                            break;
                        case "isLgl":
                            legal = WordXml.OnOff(child);
                            break;
                        default:
                            break;
                    }
                }

                child.Skip();
            });
            return new LevelDefinition(start ?? 1, format, text, legal);
        }
    }
}
