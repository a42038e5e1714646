using System.Numerics;

/// <summary>
/// L2-regularised logistic regression on dense vectors (sentence embeddings), each example weighted, fitted by
/// Newton's method with step halving: deterministic, and a few steps suffice for a few hundred dimensions.
/// </summary>
internal sealed class DenseLogistic(double[] coefficients, double bias)
{
    public double LogOdds(float[] x)
    {
        var sum = bias;
        for (var j = 0; j < x.Length; j++)
            sum += coefficients[j] * x[j];
        return sum;
    }

    /// <param name="offsets">a fixed log-odds added to each example's (another model's), so that the regression fits
    /// what that model leaves; none when null.</param>
    public static DenseLogistic Fit(IReadOnlyList<float[]> xs, bool[] labels, double[] weights, double l2, double[]? offsets = null)
    {
        var n = xs.Count;
        var d = xs[0].Length;
        var size = d + 1; // the last parameter is the bias, not regularised
        var theta = new double[size];
        var totalWeight = weights.Sum();
        var offset = offsets ?? new double[n];
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new double[size];
            for (var j = 0; j < d; j++)
                rows[i][j] = xs[i][j];
            rows[i][d] = 1;
        }
        var loss = Loss(rows, labels, weights, offset, totalWeight, theta, l2);
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var gradient = new double[size];
            var hessian = new double[size * size];
            for (var i = 0; i < n; i++)
            {
                var p = Sigmoid(offset[i] + Dot(theta, rows[i]));
                var error = weights[i] * (p - (labels[i] ? 1 : 0)) / totalWeight;
                var curvature = weights[i] * p * (1 - p) / totalWeight;
                var row = rows[i];
                for (var a = 0; a < size; a++)
                {
                    gradient[a] += error * row[a];
                    AddScaled(hessian.AsSpan(a * size, size), curvature * row[a], row);
                }
            }
            for (var j = 0; j < d; j++)
            {
                gradient[j] += l2 * theta[j];
                hessian[j * size + j] += l2;
            }
            hessian[d * size + d] += 1e-9;
            var step = SolveCholesky(hessian, gradient, size);
            var fraction = 1.0;
            double[] next;
            double nextLoss;
            while (true)
            {
                next = theta.Select((t, j) => t - fraction * step[j]).ToArray();
                nextLoss = Loss(rows, labels, weights, offset, totalWeight, next, l2);
                if (nextLoss <= loss || fraction < 1e-6)
                    break;
                fraction /= 2;
            }
            var change = loss - nextLoss;
            (theta, loss) = (next, nextLoss);
            if (change < 1e-10)
                break;
        }
        return new DenseLogistic(theta[..d], theta[d]);
    }

    private static double Loss(double[][] rows, bool[] labels, double[] weights, double[] offset, double totalWeight, double[] theta, double l2)
    {
        var loss = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            var z = offset[i] + Dot(theta, rows[i]);
            loss += weights[i] * Softplus(labels[i] ? -z : z);
        }
        var penalty = 0.0;
        for (var j = 0; j < theta.Length - 1; j++)
            penalty += theta[j] * theta[j];
        return loss / totalWeight + l2 / 2 * penalty;
    }

    private static void AddScaled(Span<double> target, double scale, double[] source)
    {
        var j = 0;
        var factor = new Vector<double>(scale);
        for (; j <= source.Length - Vector<double>.Count; j += Vector<double>.Count)
            (new Vector<double>(target[j..]) + factor * new Vector<double>(source, j)).CopyTo(target[j..]);
        for (; j < source.Length; j++)
            target[j] += scale * source[j];
    }

    private static double[] SolveCholesky(double[] matrix, double[] vector, int size)
    {
        var l = new double[size * size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i * size + j];
                for (var k = 0; k < j; k++)
                    sum -= l[i * size + k] * l[j * size + k];
                l[i * size + j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j * size + j];
            }
        var y = new double[size];
        for (var i = 0; i < size; i++)
        {
            var sum = vector[i];
            for (var k = 0; k < i; k++)
                sum -= l[i * size + k] * y[k];
            y[i] = sum / l[i * size + i];
        }
        var x = new double[size];
        for (var i = size - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < size; k++)
                sum -= l[k * size + i] * x[k];
            x[i] = sum / l[i * size + i];
        }
        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var j = 0; j < a.Length; j++)
            sum += a[j] * b[j];
        return sum;
    }

    internal static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Softplus(double x) => x > 0 ? x + double.LogP1(Math.Exp(-x)) : double.LogP1(Math.Exp(x));
}
