namespace MlNetEmotion.Signals.Filters;

/// <summary>Small dense linear solves (LU with partial pivoting), for filter initial conditions.</summary>
internal static class DenseSolver
{
    /// <summary>Solves <c>matrix · x = rhs</c>; both arguments are overwritten.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular (the filter has a pole at z = 1).</exception>
    public static double[] Solve(double[,] matrix, double[] rhs)
    {
        int n = rhs.Length;
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(matrix[r, col]) > Math.Abs(matrix[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (matrix[pivot, col] == 0.0)
            {
                throw new InvalidOperationException("The filter's steady-state system is singular: the filter has a pole at z = 1.");
            }

            if (pivot != col)
            {
                for (int c = 0; c < n; c++)
                {
                    (matrix[col, c], matrix[pivot, c]) = (matrix[pivot, c], matrix[col, c]);
                }

                (rhs[col], rhs[pivot]) = (rhs[pivot], rhs[col]);
            }

            for (int r = col + 1; r < n; r++)
            {
                double factor = matrix[r, col] / matrix[col, col];
                for (int c = col; c < n; c++)
                {
                    matrix[r, c] -= factor * matrix[col, c];
                }

                rhs[r] -= factor * rhs[col];
            }
        }

        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = rhs[r];
            for (int c = r + 1; c < n; c++)
            {
                sum -= matrix[r, c] * x[c];
            }

            x[r] = sum / matrix[r, r];
        }

        return x;
    }
}
