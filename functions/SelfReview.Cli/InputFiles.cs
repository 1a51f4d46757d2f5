namespace SelfReview.Cli;

/// <summary>Expands files and folders into the inputs to process, in a stable order.</summary>
public static class InputFiles
{
    /// <summary>Every file named, and every file in every folder named (gold files and hidden files left out).</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, bool recursive = true)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                    .Where(f => IsInput(Path.GetFileName(f)) && !HiddenPath(Path.GetRelativePath(path, f)))
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new ArgumentException($"no such file or folder: {path}");
            }
        }

        return [.. files.Distinct(StringComparer.Ordinal)];
    }

    public static bool IsInput(string name) =>
        !IsHidden(name) && !name.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A Unix hidden name: a dot followed by a name (.DS_Store, .git, ._x). A name a Windows user made,
    /// such as "..\材料.docx" or ". 材料.docx", is not hidden and gets a record like any other.
    /// </summary>
    private static bool IsHidden(string name) =>
        name.Length > 1 && name[0] == '.' && (char.IsLetterOrDigit(name[1]) || name[1] is '_' or '-' or '~');

    private static bool HiddenPath(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(IsHidden);
}
