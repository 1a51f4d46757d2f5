using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SelfReview.Contracts;

namespace SelfReview.Pipeline.Tracking;

/// <summary>
/// A row's identity from what the row is: the problem items behind it (statement id = SHA-256 of the
/// upload, item id from the parser), never its position. The same problems give the same id in any order.
/// </summary>
public static partial class RowIdentity
{
    /// <summary><c>r</c> + the first 12 hex digits of SHA-256 over the sorted <c>statementId#itemId</c> lines.</summary>
    public static string Of(IEnumerable<ItemRef> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = new StringBuilder();
        foreach (var line in problems.Select(p => p.StatementId + "#" + p.ItemId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        return "r" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    public static bool IsValid(string? rowId) => rowId is not null && Pattern().IsMatch(rowId);

    [GeneratedRegex("^r[0-9a-f]{12}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
