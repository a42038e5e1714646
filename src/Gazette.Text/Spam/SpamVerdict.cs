namespace Gazette.Text.Spam;

/// <summary>
/// A comment (or message) with the label a person gave it. <paramref name="Source"/> names where it came from (a
/// page, a data set): the training threshold keeps the false-positive rate within limits on every source.
/// </summary>
public sealed record LabeledText(string Text, bool IsSpam, string? Author = null, string? Source = null);

/// <summary>
/// One reason behind a score: a readable description of the feature (<c>word "subscribe"</c>, <c>2 links</c>) and how
/// much it moved the log-odds; positive pushes towards spam, negative towards ham.
/// </summary>
public sealed record SpamReason(string Description, double Contribution);

/// <summary>
/// The classifier's answer: <see cref="Probability"/> of spam in 0..1, <see cref="IsSpam"/> when it reaches the
/// model's threshold, and the features that weighed most, strongest first.
/// </summary>
public sealed record SpamVerdict(double Probability, bool IsSpam, IReadOnlyList<SpamReason> Reasons);
