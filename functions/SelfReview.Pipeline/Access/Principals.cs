namespace SelfReview.Pipeline.Access;

/// <summary>How principals are named in the access map: a kind, a colon, and the name or Entra object id.</summary>
public static class Principals
{
    public const string User = "user:";
    public const string Key = "key:";
    public const string Entra = "entra:";
    public const string Group = "group:";

    /// <summary>The person at the machine running <c>selfreview serve</c> on loopback before any credential exists.</summary>
    public const string LocalOwner = "local:owner";

    public static string OfUser(string name) => User + name;

    public static string OfKey(string name) => Key + name;

    /// <summary>Whether a principal is well formed: a known kind and a name of letters, digits and <c>-_.@</c>.</summary>
    public static bool IsValid(string? principal) =>
        principal is { Length: > 0 and <= 200 }
        && new[] { User, Key, Entra, Group }.Any(k => principal.StartsWith(k, StringComparison.Ordinal) && IsValidName(principal[k.Length..]));

    /// <summary>Names of users and keys: 1–64 letters, digits or <c>-_.@</c>.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= 64 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@');
}
