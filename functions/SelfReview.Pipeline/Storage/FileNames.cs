using System.Buffers;
using System.Globalization;
using System.Text;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// File names as people's systems allow them, made safe where the engine writes or prints them: any
/// name gets a record, so the name is what must bend. Output names lose path separators, "..",
/// control characters and the characters Windows forbids, stay unique, and fit the 255-byte limit
/// of Linux file systems (an 83-character Chinese name is 249 bytes of UTF-8 before ".json").
/// </summary>
public static class FileNames
{
    /// <summary>The longest file name, in UTF-8 bytes, that ext4, XFS and NTFS (255 UTF-16 units) all take.</summary>
    public const int MaxBytes = 255;

    private static readonly SearchValues<char> Unsafe = SearchValues.Create("/\\:*?\"<>|");

    /// <summary>
    /// A safe name for <paramref name="name"/> + <paramref name="suffix"/>, not yet in <paramref name="used"/>
    /// (compared ignoring case, as Windows and macOS do), and added to it.
    /// </summary>
    public static string UniqueOutputName(string name, string suffix, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var safe = Safe(name);
        var candidate = Fit(safe, string.Empty, suffix);
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = Fit(safe, "~" + i.ToString(CultureInfo.InvariantCulture), suffix);
        }

        return candidate;
    }

    /// <summary>
    /// A name under which <paramref name="name"/> can be stored as an upload in either store: safe as
    /// <see cref="Safe"/>, without the characters the store refuses ("%", "#"), within
    /// <see cref="StorageLayout.MaxFileNameLength"/> characters and <see cref="MaxBytes"/> bytes, not yet in
    /// <paramref name="used"/> (ignoring case) and added to it.
    /// </summary>
    public static string UniqueUploadName(string name, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var safe = Safe(name).Replace('%', '_').Replace('#', '_');
        var candidate = FitUpload(safe, string.Empty);
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = FitUpload(safe, "~" + i.ToString(CultureInfo.InvariantCulture));
        }

        return candidate;
    }

    /// <summary>The name with separators, control and reserved characters replaced and leading dots and spaces removed.</summary>
    public static string Safe(string? name)
    {
        var sb = new StringBuilder(name?.Length ?? 0);
        foreach (var c in name ?? string.Empty)
        {
            sb.Append(char.IsControl(c) || Unsafe.Contains(c) || Reading.InvisibleCharacters.IsInvisible(c) ? '_' : c);
        }

        var safe = sb.ToString().Replace("..", "_", StringComparison.Ordinal).Trim().TrimStart('.', '_', ' ').TrimEnd('.', ' ');
        return safe.Length == 0 ? "file" : safe;
    }

    /// <summary>
    /// The name as it may be printed on one line of a terminal or a table: control characters (a newline
    /// would forge a row) and direction controls (which reorder what is shown) written as escapes.
    /// </summary>
    public static string Printable(string? name)
    {
        var sb = new StringBuilder(name?.Length ?? 0);
        foreach (var c in name ?? string.Empty)
        {
            switch (c)
            {
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || Reading.InvisibleCharacters.IsInvisible(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string FitUpload(string safe, string tag)
    {
        var fitted = Fit(safe, tag, string.Empty);
        while (fitted.Length > StorageLayout.MaxFileNameLength)
        {
            var extension = Path.GetExtension(fitted);
            var stem = fitted[..^extension.Length][..^tag.Length];
            var cut = stem.Length - (fitted.Length - StorageLayout.MaxFileNameLength);
            cut -= cut > 0 && char.IsLowSurrogate(stem[cut]) ? 1 : 0;
            fitted = stem[..Math.Max(cut, 1)] + tag + extension;
        }

        return fitted;
    }

    /// <summary>
    /// stem + tag + suffix within <see cref="MaxBytes"/> UTF-8 bytes: the stem is cut (never inside a
    /// surrogate pair), keeping the original extension when there is room, so the names still sort and read.
    /// </summary>
    private static string Fit(string safe, string tag, string suffix)
    {
        var extension = Path.GetExtension(safe);
        var stem = safe[..^extension.Length];
        if (Encoding.UTF8.GetByteCount(extension) > 16)
        {
            (stem, extension) = (safe, string.Empty);
        }

        var room = MaxBytes - Encoding.UTF8.GetByteCount(tag + extension + suffix);
        if (Encoding.UTF8.GetByteCount(stem) > room)
        {
            var bytes = 0;
            var cut = 0;
            while (cut < stem.Length)
            {
                var width = char.IsHighSurrogate(stem[cut]) && cut + 1 < stem.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(stem.AsSpan(cut, width));
                if (bytes + size > room)
                {
                    break;
                }

                bytes += size;
                cut += width;
            }

            stem = stem[..cut];
        }

        return stem + tag + extension + suffix;
    }
}
