namespace MlNetEmotion.Neural;

/// <summary>Thrown when an op receives tensors whose shapes do not fit; the message names the op and both shapes.</summary>
public sealed class ShapeMismatchException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="op"/> given the offending shapes.</summary>
    /// <param name="op">Name of the op, e.g. <c>matmul</c>.</param>
    /// <param name="first">Shape of the first operand.</param>
    /// <param name="second">Shape of the second operand (or the requested shape).</param>
    /// <param name="reason">What was expected.</param>
    public ShapeMismatchException(string op, ReadOnlySpan<long> first, ReadOnlySpan<long> second, string reason)
        : base($"{op}: shapes {Shapes.Format(first)} and {Shapes.Format(second)} do not fit: {reason}.")
    {
        Op = op;
        FirstShape = first.ToArray();
        SecondShape = second.ToArray();
    }

    /// <summary>Name of the op that rejected the shapes.</summary>
    public string Op { get; }

    /// <summary>Shape of the first operand.</summary>
    public long[] FirstShape { get; }

    /// <summary>Shape of the second operand (or the requested shape).</summary>
    public long[] SecondShape { get; }
}
