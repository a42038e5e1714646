namespace Gazette.Data;

public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One row of the change feed (an outbox): written in the same transaction as the change itself, read by
/// whatever derives data from the database (search index, caches, webhooks) so nothing is missed or seen twice.
/// </summary>
public class ChangeEvent
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public ChangeKind Kind { get; set; }
    public DateTime OccurredAt { get; set; }
}
