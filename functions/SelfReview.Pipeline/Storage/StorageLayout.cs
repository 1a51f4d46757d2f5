using System.Buffers;
using System.Text.RegularExpressions;

namespace SelfReview.Pipeline.Storage;

/// <summary>
/// The names of the storage layout (architecture.md) and the rules for the names users choose.
/// Unit ids and file names become blob names and folder paths, so they are checked here, once, for
/// every store and every entry point: no path separators, no "..", no control characters.
/// </summary>
public static partial class StorageLayout
{
    public const string StatementsContainer = "statements";
    public const string RecordsContainer = "records";
    public const string ReportsContainer = "reports";

    /// <summary>What people add after the list exists (row status, progress, evidence, the row registry, the audit trail).</summary>
    public const string TrackingContainer = "tracking";

    public const int MaxUnitIdLength = 64;
    public const int MaxFileNameLength = 200;

    /// <summary>Characters a file name may not hold: separators, and those that break URLs or Windows paths.</summary>
    private static readonly SearchValues<char> ForbiddenFileNameChars = SearchValues.Create("/\\<>:\"|?*%#");

    public static IReadOnlyList<string> Containers { get; } = [StatementsContainer, RecordsContainer, ReportsContainer, TrackingContainer];

    public static string RecordName(string statementId) => statementId + ".json";

    /// <summary>The status index's path within a unit of the records container: in a folder, so record listings skip it.</summary>
    public const string StatusIndexName = "_index/status.json";

    public static bool IsValidUnitId(string? unitId) => UnitIdError(unitId) is null;

    /// <summary>Why a unit id is not acceptable (in Chinese, for the caller), or null when it is.</summary>
    public static string? UnitIdError(string? unitId)
    {
        if (string.IsNullOrEmpty(unitId))
        {
            return "缺少单位标识（unitId）";
        }

        if (unitId.Length > MaxUnitIdLength)
        {
            return $"单位标识过长：最多 {MaxUnitIdLength} 个字符";
        }

        return UnitIdPattern().IsMatch(unitId) && !unitId.Contains("..", StringComparison.Ordinal)
            ? null
            : "单位标识只能包含英文字母、数字、“-”“_”“.”，并以字母或数字开头";
    }

    public static bool IsValidFileName(string? fileName) => FileNameError(fileName) is null;

    /// <summary>Why a file name is not acceptable (in Chinese, for the caller), or null when it is. Chinese names are fine.</summary>
    public static string? FileNameError(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "缺少文件名";
        }

        if (fileName.Length > MaxFileNameLength || System.Text.Encoding.UTF8.GetByteCount(fileName) > FileNames.MaxBytes)
        {
            // The folder store keeps the name as a file name, and Linux file systems take 255 bytes of UTF-8 (85 Chinese characters).
            return $"文件名过长：最多 {MaxFileNameLength} 个字符（中文约 80 个字），请改短后重新上传";
        }

        if (fileName.StartsWith('.') || fileName.Trim().Length != fileName.Length)
        {
            return "文件名不能以“.”或空白开头，也不能以空白结尾";
        }

        if (fileName.AsSpan().IndexOfAny(ForbiddenFileNameChars) >= 0 || fileName.Any(char.IsControl))
        {
            return "文件名不能包含路径分隔符、控制字符或 < > : \" | ? * % # 等字符";
        }

        return null;
    }

    public static bool IsValidStatementId(string? statementId) => statementId is not null && StatementIdPattern().IsMatch(statementId);

    public static bool IsValidReportName(string? name) => name is not null && ReportNamePattern().IsMatch(name);

    /// <summary>Throws when a name would escape its place in the layout: stores call this before touching storage.</summary>
    internal static void Check(string unitId, string? fileName = null, string? statementId = null, string? reportName = null)
    {
        if (UnitIdError(unitId) is { } unitError)
        {
            throw new ArgumentException(unitError, nameof(unitId));
        }

        if (fileName is not null && FileNameError(fileName) is { } fileError)
        {
            throw new ArgumentException(fileError, nameof(fileName));
        }

        if (statementId is not null && !IsValidStatementId(statementId))
        {
            throw new ArgumentException("statement id must be 64 lower-case hex digits", nameof(statementId));
        }

        if (reportName is not null && !IsValidReportName(reportName))
        {
            throw new ArgumentException("report names are lower-case words with one extension", nameof(reportName));
        }
    }

    /// <summary>Throws unless a tracking name is one to three valid file-name segments separated by '/'.</summary>
    internal static void CheckTracking(string unitId, string name)
    {
        Check(unitId);
        ArgumentNullException.ThrowIfNull(name);
        var segments = name.Split('/');
        if (segments.Length is < 1 or > 3 || segments.Any(s => FileNameError(s) is not null))
        {
            throw new ArgumentException("a tracking name is one to three valid file names separated by '/'", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnitIdPattern();

    [GeneratedRegex("^[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex StatementIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z]{2,4}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ReportNamePattern();
}
