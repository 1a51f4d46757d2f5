using SelfReview.Pipeline.Access;

namespace SelfReview.Tests.Access;

/// <summary>The one rule of rights: the highest grant of any of the caller's principals, administrators everything, the reader role a cap.</summary>
public sealed class UnitAccessPolicyTests
{
    private static readonly AccessMap Map = AccessMap.Empty
        .WithGrant(new AccessGrant("user:wang", ["u1"], AccessRight.Read))
        .WithGrant(new AccessGrant("group:g1", ["u1", "u2"], AccessRight.Edit))
        .WithGrant(new AccessGrant("key:all", [AccessGrant.AllUnits], AccessRight.Read))
        .WithAdministrator("user:boss", true);

    private static CallerIdentity Caller(string id, string[]? groups = null, bool admin = false, AccessRight? cap = null) =>
        new(id, [id, .. groups ?? []], admin, cap, Ambient: false);

    [Fact]
    public void RightOn_IsTheHighestGrantOfAnyPrincipal_GroupsIncluded()
    {
        Assert.Equal(AccessRight.Read, UnitAccessPolicy.RightOn(Caller("user:wang"), Map, "u1"));
        Assert.Equal(AccessRight.Edit, UnitAccessPolicy.RightOn(Caller("user:wang", ["group:g1"]), Map, "u1"));
        Assert.Null(UnitAccessPolicy.RightOn(Caller("user:wang"), Map, "u3"));
        Assert.Equal(AccessRight.Read, UnitAccessPolicy.RightOn(Caller("key:all"), Map, "any-unit"));
    }

    [Fact]
    public void Administrators_ByTheMapOrTheRole_HaveEveryUnit_ButTheReaderRoleCapsAtRead()
    {
        Assert.Equal(AccessRight.Administer, UnitAccessPolicy.RightOn(Caller("user:boss"), Map, "u9"));
        Assert.Equal(AccessRight.Administer, UnitAccessPolicy.RightOn(Caller("entra:x", admin: true), Map, "u9"));
        Assert.Equal(AccessRight.Read, UnitAccessPolicy.RightOn(Caller("user:wang", ["group:g1"], cap: AccessRight.Read), Map, "u2"));
        Assert.False(UnitAccessPolicy.IsAdministrator(Caller("user:boss", cap: AccessRight.Read), Map));
    }

    [Fact]
    public void Decide_IsUnauthenticatedWithoutACaller_ForbiddenBelowTheNeededRight()
    {
        Assert.Equal(AccessDecision.Unauthenticated, UnitAccessPolicy.Decide(null, Map, "u1", AccessRight.Read));
        Assert.Equal(AccessDecision.Forbidden, UnitAccessPolicy.Decide(Caller("user:wang"), Map, "u1", AccessRight.Edit));
        Assert.Equal(AccessDecision.Allowed, UnitAccessPolicy.Decide(Caller("user:wang"), Map, "u1", AccessRight.Read));
        Assert.Equal(["u1", "u2"], UnitAccessPolicy.VisibleUnits(Caller("x", ["group:g1"]), Map, ["u1", "u2", "u3"]));
    }

    [Fact]
    public void ApiKeys_MatchOnlyTheirOwnKey_AndStoreNeitherKeyNorUnsaltedHash()
    {
        var (key, entry) = ApiKeys.Create("a", DateTimeOffset.UnixEpoch);
        var (other, otherEntry) = ApiKeys.Create("b", DateTimeOffset.UnixEpoch);

        Assert.Same(entry, ApiKeys.Find([otherEntry, entry], key));
        Assert.Same(otherEntry, ApiKeys.Find([otherEntry, entry], other));
        Assert.Null(ApiKeys.Find([entry], key + "x"));
        Assert.DoesNotContain(key, entry.Hash + entry.Salt, StringComparison.Ordinal);
        Assert.NotEqual(entry.Salt, otherEntry.Salt);
    }

    [Fact]
    public void ClientPrincipal_ReadsObjectIdRolesAndGroups_AndRejectsGarbage()
    {
        var principal = global::SelfReview.Api.Access.ClientPrincipal.Parse(Functions.EasyAuthPrincipal.Header("oid-1", roles: ["SelfReview.Read"], groups: ["g-1"]))!;

        Assert.Equal("oid-1", principal.ObjectId);
        Assert.Equal(["SelfReview.Read"], principal.Roles);
        Assert.Equal(["g-1"], principal.Groups);
        Assert.Null(global::SelfReview.Api.Access.ClientPrincipal.Parse("%%%"));
        Assert.Null(global::SelfReview.Api.Access.ClientPrincipal.Parse("bnVsbA==")); // "null"
    }
}
