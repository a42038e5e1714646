namespace Gazette.Comments;

public static class CommentsRegistration
{
    /// <summary>Comments, their screening, limits, mail and clean-up. Call after AddSignInRateLimit (both add rate-limiter options).</summary>
    public static IServiceCollection AddGazetteComments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CommentOptions>(configuration.GetSection(CommentOptions.SectionName));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.SectionName));
        services.AddHttpContextAccessor();
        services.AddSingleton<CommentFormTokens>();
        services.AddSingleton<IpHasher>();
        services.AddSingleton<LiveSpamModel>();
        services.AddSingleton<CommentRateLimits>();
        services.AddSingleton<CommentMailer>();
        services.AddHostedService(provider => provider.GetRequiredService<CommentMailer>());
        services.AddHostedService<CommentCleanup>();
        services.AddScoped<CommentScreening>();
        services.AddScoped<CommentThreads>();
        services.AddScoped<CommentPosting>();
        services.AddScoped<CommentNotifications>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<CommentPrivacy>();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, CommentPostLimit>(CommentRateLimits.PolicyName));
        return services;
    }
}
