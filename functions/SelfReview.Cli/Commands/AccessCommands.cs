using SelfReview.Api.Access;
using SelfReview.Pipeline.Access;
using SelfReview.Pipeline.Storage;

namespace SelfReview.Cli.Commands;

/// <summary>
/// <c>selfreview keys add|list|revoke</c> and <c>selfreview users add|list|remove</c>: the access map of a
/// serve data folder (<c>DIR/access/access.json</c>). A key is printed once, on the last line of <c>keys add</c>,
/// and stored only as a salted hash; a password is read from standard input and stored only as ASP.NET
/// Core Identity's hash. Serve reads the map on every request, so a change counts at once.
/// </summary>
public static class AccessCommands
{
    public static async Task<int> AddKeyAsync(CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        var (editor, name, units, right) = Parse(line);
        if (units.Count == 0)
        {
            throw new ArgumentException("keys add needs --units A[,B]");
        }

        var (key, entry) = ApiKeys.Create(name, DateTimeOffset.UtcNow);
        await editor.UpdateAsync(m => m.WithKey(entry).WithGrant(new AccessGrant(Principals.OfKey(name), units, right)), cancellationToken);
        await stdout.WriteLineAsync($"访问密钥“{name}”已创建：单位 {string.Join(",", units)}，权限 {Right(right)}。请求头 Authorization: Bearer <密钥>。");
        await stdout.WriteLineAsync("密钥只显示这一次，系统只保存其哈希值；遗失后请吊销并重新创建：");
        await stdout.WriteLineAsync(key);
        return CliApp.Ok;
    }

    public static async Task<int> ListKeysAsync(CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        var map = (await Store(line).GetMapAsync(cancellationToken)).Map;
        foreach (var key in map.Keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            await stdout.WriteLineAsync($"{key.Name}\t{key.CreatedAt:yyyy-MM-dd HH:mm}Z\t{Grant(map, Principals.OfKey(key.Name))}");
        }

        return CliApp.Ok;
    }

    public static async Task<int> RevokeKeyAsync(CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        var name = Name(line);
        var found = false;
        await new AccessMapEditor(Store(line)).UpdateAsync(
            m =>
            {
                found = m.Keys.Any(k => k.Name == name);
                return found ? m.WithoutPrincipal(Principals.OfKey(name)) with { Keys = [.. m.Keys.Where(k => k.Name != name)] } : m;
            },
            cancellationToken);
        if (!found)
        {
            throw new ArgumentException($"no key named {name}");
        }

        await stdout.WriteLineAsync($"访问密钥“{name}”已吊销。");
        return CliApp.Ok;
    }

    public static async Task<int> AddUserAsync(CommandLine line, TextReader stdin, TextWriter stdout, CancellationToken cancellationToken)
    {
        var (editor, name, units, right) = Parse(line);
        var administrator = line.Has("--admin");
        if (units.Count == 0 && !administrator)
        {
            throw new ArgumentException("users add needs --units A[,B] or --admin");
        }

        await stdout.WriteLineAsync("请输入密码（至少 8 个字符），回车结束：");
        var password = (await stdin.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
        if (password.Length < 8)
        {
            throw new ArgumentException("the password needs at least 8 characters");
        }

        var user = new UserAccount(name, PasswordSignIn.Hash(password), 0, null);
        var principal = Principals.OfUser(name);
        await editor.UpdateAsync(
            m =>
            {
                var next = m.WithUser(user).WithoutPrincipal(principal);
                next = units.Count > 0 ? next.WithGrant(new AccessGrant(principal, units, right)) : next;
                return next.WithAdministrator(principal, administrator);
            },
            cancellationToken);
        await stdout.WriteLineAsync($"用户“{name}”已保存：{(administrator ? "管理员（全部单位）" : $"单位 {string.Join(",", units)}，权限 {Right(right)}")}。");
        return CliApp.Ok;
    }

    public static async Task<int> ListUsersAsync(CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        var map = (await Store(line).GetMapAsync(cancellationToken)).Map;
        foreach (var user in map.Users.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            var principal = Principals.OfUser(user.Name);
            var locked = user.LockedUntil > DateTimeOffset.UtcNow ? "\t已锁定" : "";
            await stdout.WriteLineAsync($"{user.Name}\t{(map.Administrators.Contains(principal) ? "管理员" : Grant(map, principal))}{locked}");
        }

        return CliApp.Ok;
    }

    public static async Task<int> RemoveUserAsync(CommandLine line, TextWriter stdout, CancellationToken cancellationToken)
    {
        var name = Name(line);
        var found = false;
        await new AccessMapEditor(Store(line)).UpdateAsync(
            m =>
            {
                found = m.User(name) is not null;
                return found ? m.WithoutPrincipal(Principals.OfUser(name)) with { Users = [.. m.Users.Where(u => u.Name != name)] } : m;
            },
            cancellationToken);
        if (!found)
        {
            throw new ArgumentException($"no user named {name}");
        }

        await stdout.WriteLineAsync($"用户“{name}”已删除。");
        return CliApp.Ok;
    }

    private static (AccessMapEditor Editor, string Name, IReadOnlyList<string> Units, AccessRight Right) Parse(CommandLine line)
    {
        var units = (line["--units"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (units.FirstOrDefault(u => u != AccessGrant.AllUnits && !StorageLayout.IsValidUnitId(u)) is { } bad)
        {
            throw new ArgumentException($"not a unit id: {bad}");
        }

        return (new AccessMapEditor(Store(line)), Name(line), units, line.Has("--read-only") ? AccessRight.Read : AccessRight.Edit);
    }

    private static string Name(CommandLine line)
    {
        var name = line.Positional.FirstOrDefault();
        return Principals.IsValidName(name) ? name! : throw new ArgumentException("NAME must be 1-64 letters, digits or -_.@");
    }

    private static FolderAccessStore Store(CommandLine line) =>
        new(line["--data"] ?? throw new ArgumentException("needs --data DIR"));

    private static string Grant(AccessMap map, string principal) =>
        string.Join("; ", map.Grants.Where(g => g.Principal == principal).Select(g => $"{string.Join(",", g.Units)} {Right(g.Right)}"));

    private static string Right(AccessRight right) => right switch
    {
        AccessRight.Read => "只读",
        AccessRight.Edit => "可修改",
        _ => "管理",
    };
}
