namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>What reading one input did.</summary>
public enum Outcome
{
    /// <summary>The reader returned a result.</summary>
    Valid,

    /// <summary>The reader refused the input with its typed format error.</summary>
    TypedError,

    /// <summary>Any other exception escaped (a defect).</summary>
    Other,

    /// <summary>The reader ran past the time bound (a defect).</summary>
    Timeout,

    /// <summary>The reader allocated more than the memory bound (a defect).</summary>
    OverMemory,
}
