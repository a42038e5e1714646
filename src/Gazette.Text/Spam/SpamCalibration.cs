namespace Gazette.Text.Spam;

/// <summary>
/// Platt's scaling: the slope and intercept that turn a model's log-odds into probabilities which match the labels of
/// held-out examples, both classes weighing the same (so 0.5 means even odds, whatever the share of spam in the
/// training data). As Platt (1999) advises, the targets are not 0 and 1 but (n₊ + 1) / (n₊ + 2) and 1 / (n₋ + 2), so
/// that scores which separate the held-out examples perfectly do not drive the slope to infinity (a saturated model
/// could not be taught by <see cref="SpamModel.Learn"/>). Fitted by Newton's method with step halving: deterministic,
/// and a few steps suffice for two parameters.
/// </summary>
internal static class SpamCalibration
{
    public static (double Slope, double Intercept) Fit(double[] logOdds, bool[] labels)
    {
        var spam = labels.Count(l => l);
        var ham = labels.Length - spam;
        if (spam == 0 || ham == 0)
            return (1, 0);
        double slope = 1, intercept = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            // Gradient and Hessian of the weighted log-loss in (slope, intercept); a small ridge keeps it invertible.
            double gs = 0, gi = 0, hss = 1e-6, hsi = 0, hii = 1e-6;
            for (var i = 0; i < logOdds.Length; i++)
            {
                var weight = labels[i] ? 0.5 / spam : 0.5 / ham;
                var p = SpamModel.Sigmoid(slope * logOdds[i] + intercept);
                var error = weight * (p - Target(labels[i], spam, ham));
                var curvature = weight * p * (1 - p);
                gs += error * logOdds[i];
                gi += error;
                hss += curvature * logOdds[i] * logOdds[i];
                hsi += curvature * logOdds[i];
                hii += curvature;
            }
            var determinant = hss * hii - hsi * hsi;
            var stepSlope = (hii * gs - hsi * gi) / determinant;
            var stepIntercept = (hss * gi - hsi * gs) / determinant;
            // Newton's step can overshoot where the sigmoid is flat: halve it until the loss goes down.
            var loss = Loss(logOdds, labels, spam, ham, slope, intercept);
            var fraction = 1.0;
            while (fraction > 1e-6 && Loss(logOdds, labels, spam, ham, slope - fraction * stepSlope, intercept - fraction * stepIntercept) > loss)
                fraction /= 2;
            slope -= fraction * stepSlope;
            intercept -= fraction * stepIntercept;
            if (fraction * (Math.Abs(stepSlope) + Math.Abs(stepIntercept)) < 1e-10)
                break;
        }
        // A negative slope would turn the ranking upside down; it can only come from a useless model.
        return slope > 0 ? (slope, intercept) : (1, 0);
    }

    /// <summary>The class-balanced log-loss of the calibrated probabilities: lower is better.</summary>
    public static double Loss(double[] logOdds, bool[] labels, (double Slope, double Intercept) calibration) =>
        Loss(logOdds, labels, labels.Count(l => l), labels.Count(l => !l), calibration.Slope, calibration.Intercept);

    private static double Loss(double[] logOdds, bool[] labels, int spam, int ham, double slope, double intercept)
    {
        var loss = 0.0;
        for (var i = 0; i < logOdds.Length; i++)
        {
            // log(1 + e^-z) computed without overflow for large |z|.
            var z = slope * logOdds[i] + intercept;
            var target = Target(labels[i], spam, ham);
            loss += (labels[i] ? 0.5 / spam : 0.5 / ham) * (target * Softplus(-z) + (1 - target) * Softplus(z));
        }
        return loss;
    }

    private static double Target(bool isSpam, int spam, int ham) => isSpam ? (spam + 1.0) / (spam + 2.0) : 1.0 / (ham + 2.0);

    /// <summary>log(1 + eˣ) without overflow.</summary>
    private static double Softplus(double x) => x > 0 ? x + double.LogP1(Math.Exp(-x)) : double.LogP1(Math.Exp(x));
}
