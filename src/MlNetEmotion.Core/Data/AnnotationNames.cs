namespace MlNetEmotion;

/// <summary>Well-known annotation names, as in ML.NET.</summary>
public static class AnnotationNames
{
    /// <summary>On a key column: the class names, a <c>string[]</c> of length <see cref="KeyDataViewType.Count"/>.</summary>
    public const string KeyValues = "KeyValues";

    /// <summary>On a vector column: one name per slot, a <c>string[]</c>.</summary>
    public const string SlotNames = "SlotNames";
}
