namespace MlNetEmotion.Eeg.Montages;

/// <summary>Channel-name matching that ignores case, dots and surrounding white space, so PhysioNet's
/// <c>Fc5.</c> and <c>Cz..</c> match <c>FC5</c> and <c>Cz</c>.</summary>
public static class ChannelName
{
    /// <summary>The key two names share when they denote the same electrode: dots and white space removed, upper case.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        int n = 0;
        foreach (char c in name)
            if (c != '.' && !char.IsWhiteSpace(c)) buffer[n++] = char.ToUpperInvariant(c);
        return new string(buffer[..n]);
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> name the same electrode.</summary>
    public static bool Matches(string a, string b) => Normalize(a) == Normalize(b);
}
