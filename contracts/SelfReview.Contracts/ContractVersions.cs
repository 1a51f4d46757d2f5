namespace SelfReview.Contracts;

/// <summary>Versions of the contracts.</summary>
public static class ContractVersions
{
    public const string Current = "1.0";
}
