using System.Security.Cryptography;

namespace SelfReview.Fuzzing;

/// <summary>
/// Where a target's inputs live: the committed seeds (<c>tests/SelfReview.Fuzzing/Corpus/{target}</c>) and findings
/// (<c>Findings/{target}</c>), copied beside the harness under <c>fuzz/</c>, and finding files named by the hash of their bytes.
/// </summary>
public static class FuzzCorpus
{
    public static string SeedFolder(string target) => Path.Combine(AppContext.BaseDirectory, "fuzz", "Corpus", target);

    public static string FindingFolder(string target) => Path.Combine(AppContext.BaseDirectory, "fuzz", "Findings", target);

    /// <summary>The committed inputs of a target: seeds then findings, in name order.</summary>
    public static IReadOnlyList<string> Files(string target) =>
        [.. new[] { SeedFolder(target), FindingFolder(target) }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d).Order(StringComparer.Ordinal))
            .Where(f => !f.EndsWith(".why", StringComparison.Ordinal))];

    /// <summary>Saves a finding (and what was wrong, beside it); returns its path. The same bytes give the same name.</summary>
    public static string Save(string folder, string kind, byte[] input, string detail)
    {
        Directory.CreateDirectory(folder);
        var name = kind.ToLowerInvariant() + "-" + Convert.ToHexStringLower(SHA256.HashData(input))[..16] + ".bin";
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, input);
        // What was wrong and where: the first lines of the stack are enough (a deep one runs to thousands).
        File.WriteAllLines(Path.ChangeExtension(path, ".why"), detail.Split('\n').Take(30));
        return path;
    }
}
