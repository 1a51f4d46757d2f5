using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

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

    public NumberingRenderer(MainDocumentPart main, StyleResolver styles)
    {
        _styles = styles;
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null)
        {
            return;
        }

        foreach (var abstractNum in numbering.Elements<AbstractNum>())
        {
            if (abstractNum.AbstractNumberId?.Value is not int id)
            {
                continue;
            }

            var levels = new Dictionary<int, LevelDefinition>();
            foreach (var level in abstractNum.Elements<Level>())
            {
                if (level.LevelIndex?.Value is int index)
                {
                    levels[index] = LevelDefinition.From(level);
                }
            }

            _levels[id] = levels;
        }

        foreach (var num in numbering.Elements<NumberingInstance>())
        {
            if (num.NumberID?.Value is not int numId || num.AbstractNumId?.Val?.Value is not int abstractId)
            {
                continue;
            }

            _abstractOfNum[numId] = abstractId;
            foreach (var over in num.Elements<LevelOverride>())
            {
                if (over.LevelIndex?.Value is not int lvl)
                {
                    continue;
                }

                if (over.Level is { } redefined)
                {
                    // A full level redefinition inside the instance wins over the abstract one.
                    var copy = new Dictionary<int, LevelDefinition>(_levels.GetValueOrDefault(abstractId) ?? []) { [lvl] = LevelDefinition.From(redefined) };
                    _levels[-numId] = copy;
                    _abstractOfNum[numId] = -numId;
                    abstractId = -numId;
                }

                if (over.StartOverrideNumberingValue?.Val?.Value is int start)
                {
                    (_startOverrides.TryGetValue(numId, out var map) ? map : _startOverrides[numId] = [])[lvl] = start;
                }
            }
        }
    }

    /// <summary>Advances the counters for the paragraph and returns its label, or null when it is not numbered.</summary>
    public string? Next(Paragraph paragraph)
    {
        var (numId, ilvl) = _styles.NumberingOf(paragraph);
        if (numId is null or 0 || !_abstractOfNum.TryGetValue(numId.Value, out var abstractId)
            || !_levels.TryGetValue(abstractId, out var levels))
        {
            return null;
        }

        var level = ilvl ?? 0;
        if (!levels.TryGetValue(level, out var definition))
        {
            return null;
        }

        var counters = _counters.TryGetValue(abstractId, out var c) ? c : _counters[abstractId] = NewCounters(levels);
        if (_numsStarted.Add(numId.Value) && _startOverrides.TryGetValue(numId.Value, out var overrides))
        {
            foreach (var (lvl, start) in overrides)
            {
                if (lvl < counters.Length)
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

        return Render(definition, counters, levels, level);
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

    private static string Render(LevelDefinition definition, int[] counters, Dictionary<int, LevelDefinition> levels, int level)
    {
        var text = definition.Text ?? "%" + (level + 1);
        var result = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
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

        return result.ToString();
    }

    private sealed record LevelDefinition(int Start, string? Format, string? Text, bool IsLegal)
    {
        public static LevelDefinition From(Level level) => new(
            level.StartNumberingValue?.Val?.Value ?? 1,
            level.NumberingFormat?.Val?.InnerText,
            level.LevelText?.Val?.Value,
            level.IsLegalNumberingStyle is not null && (level.IsLegalNumberingStyle.Val?.Value ?? true));
    }
}
