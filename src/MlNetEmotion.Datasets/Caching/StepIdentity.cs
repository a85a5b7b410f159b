using MlNetEmotion.Persistence;

namespace MlNetEmotion.Datasets.Caching;

/// <summary>The stable identity of a fitted step for cache keys: the bytes <see cref="StepSaveContext.ToBytes"/>
/// writes for it (its options and what it learned).</summary>
internal static class StepIdentity
{
    /// <exception cref="NotSupportedException">The step cannot be saved, so it has no stable identity.</exception>
    public static byte[] Of(ITransformer step)
    {
        try
        {
            return StepSaveContext.ToBytes(step);
        }
        catch (Exception e) when (e is not (NotSupportedException or OutOfMemoryException))
        {
            throw new NotSupportedException(
                $"{step.GetType().Name} cannot be saved, so it has no stable identity to key a disk cache ({e.Message}).", e);
        }
    }
}
