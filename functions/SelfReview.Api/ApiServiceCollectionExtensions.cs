using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SelfReview.Api;

/// <summary>Registers the endpoint classes both hosts call.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddSelfReviewApi(this IServiceCollection services)
    {
        services.TryAddSingleton<StatementEndpoints>();
        services.TryAddSingleton<ReportEndpoints>();
        services.TryAddSingleton<UnitEndpoints>();
        services.TryAddSingleton<TrackingEndpoints>();
        services.TryAddSingleton<Pipeline.Tracking.RectificationTracker>();
        services.TryAddSingleton<Pipeline.Tracking.ListImporter>();
        services.TryAddSingleton<Roster.RosterEndpoints>();
        services.TryAddSingleton<Access.ApiAccess>();
        services.TryAddSingleton<Access.AccessEndpoints>();
        services.TryAddSingleton<Access.SessionEndpoints>();
        services.TryAddSingleton<Pipeline.Access.AccessMapEditor>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
