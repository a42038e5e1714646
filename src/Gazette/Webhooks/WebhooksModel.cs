using Gazette.Api;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Webhooks;

/// <summary>The database model of API tokens and webhooks, kept apart from the rest so merges stay easy.</summary>
public static class WebhooksModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<ApiToken>(token =>
        {
            token.Property(t => t.UserId).HasMaxLength(450);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Prefix).HasMaxLength(20);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<Accounts.GazetteUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Webhook>(webhook =>
        {
            webhook.Property(w => w.Url).HasMaxLength(1000);
            webhook.Property(w => w.Secret).HasMaxLength(200);
            webhook.Property(w => w.Events).HasMaxLength(200);
        });
        model.Entity<WebhookDelivery>(delivery =>
        {
            delivery.Property(d => d.Event).HasMaxLength(50);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(1000);
            delivery.HasIndex(d => new { d.WebhookId, d.ChangeEventId }).IsUnique();
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
            delivery.HasIndex(d => d.CreatedAt);
            delivery.HasOne(d => d.Webhook).WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<WebhookCursor>().Property(c => c.Id).ValueGeneratedNever();
        model.Entity<WebhookPublicArticle>(story =>
        {
            story.HasKey(s => s.ArticleId);
            story.Property(s => s.ArticleId).ValueGeneratedNever();
        });
    }
}
