using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MlNetEmotion.Datasets.Manifests;

/// <summary>A relative path with <c>{field}</c> or <c>{field:00}</c> placeholders: matched against files to capture
/// fields, or filled from fields to name a file.</summary>
public sealed class PathTemplate
{
    private readonly List<(string? Literal, string? Field, string? Format)> _parts;
    private readonly Regex _regex;

    private readonly IReadOnlyDictionary<string, string> _fieldPatterns;

    private PathTemplate(string text, List<(string?, string?, string?)> parts, Regex regex, IReadOnlyDictionary<string, string> fieldPatterns)
    {
        Text = text;
        _fieldPatterns = fieldPatterns;
        _parts = parts;
        _regex = regex;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Fields the template uses, in order of first use.</summary>
    public IReadOnlyList<string> Fields => _parts.Where(p => p.Field is not null).Select(p => p.Field!).Distinct().ToArray();

    /// <summary>The folder before the first placeholder: where matching files can be.</summary>
    public string StaticDirectory
    {
        get
        {
            var literal = new StringBuilder();
            foreach (var p in _parts)
            {
                if (p.Field is not null) break;
                literal.Append(p.Literal);
            }
            string s = literal.ToString();
            int slash = s.LastIndexOf('/');
            return slash < 0 ? "" : s[..slash];
        }
    }

    /// <summary>Parses a template; <paramref name="fieldPatterns"/> gives each field's regular expression.</summary>
    /// <exception cref="FormatException">Unbalanced braces or an empty field name.</exception>
    public static PathTemplate Parse(string text, IReadOnlyDictionary<string, string> fieldPatterns)
    {
        var parts = new List<(string?, string?, string?)>();
        var regex = new StringBuilder("^");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('{', i);
            int stray = text.IndexOf('}', i);
            if (stray >= 0 && (open < 0 || stray < open)) throw new FormatException($"'{text}': '}}' at {stray} closes nothing.");
            if (open < 0) open = text.Length;
            if (open > i)
            {
                parts.Add((text[i..open], null, null));
                regex.Append(Regex.Escape(text[i..open]));
            }
            if (open == text.Length) break;
            int close = text.IndexOf('}', open);
            if (close < 0) throw new FormatException($"'{text}': '{{' at {open} is not closed.");
            var spec = text[(open + 1)..close].Split(':', 2);
            string field = spec[0].Trim();
            if (field.Length == 0 || !field.All(c => char.IsLetterOrDigit(c) || c == '_'))
                throw new FormatException($"'{text}': field name '{field}' must be letters, digits or '_'.");
            string? format = spec.Length > 1 ? spec[1] : null;
            parts.Add((null, field, format));
            if (!seen.Add(field)) regex.Append($"\\k<{field}>");
            else
            {
                string pattern = fieldPatterns.TryGetValue(field, out var p) ? p
                    : format is not null && format.All(c => c == '0') ? $"\\d{{{format.Length},}}" : "[^/]+?";
                regex.Append($"(?<{field}>{pattern})");
            }
            i = close + 1;
        }
        regex.Append('$');
        return new PathTemplate(text, parts, new Regex(regex.ToString(), RegexOptions.CultureInvariant), fieldPatterns);
    }

    /// <summary>Matches a relative path (forward slashes) and returns the captured fields, or null.</summary>
    public Dictionary<string, string>? Match(string relativePath)
    {
        var m = _regex.Match(relativePath);
        if (!m.Success) return null;
        // Template fields and any named groups inside field patterns (e.g. RAVDESS's seven-part code).
        return _regex.GetGroupNames().Where(g => !int.TryParse(g, out _) && m.Groups[g].Success)
            .ToDictionary(g => g, g => m.Groups[g].Value, StringComparer.Ordinal);
    }

    /// <summary>Finds the file this template names for <paramref name="fields"/> under <paramref name="root"/>. Placeholders
    /// without a value act as wildcards (e.g. MAHNOB-HCI's time-stamped video names): the single matching file is
    /// returned. Null when nothing matches; an exception when several do.</summary>
    /// <exception cref="InvalidDataException">Several files match (they are named).</exception>
    /// <exception cref="ManifestPathException">The filled-in path is absolute, has a '..' segment, or leads out of
    /// <paramref name="root"/> through a symbolic link.</exception>
    public string? Resolve(IReadOnlyDictionary<string, string> fields, string root) =>
        Resolve(fields, new FileListing(new CorpusRoot(root, $"template '{Text}'")), "path");

    /// <summary><see cref="Resolve(IReadOnlyDictionary{string, string}, string)"/> over a listing shared by many lookups;
    /// <paramref name="entry"/> names the manifest entry in a containment error.</summary>
    internal string? Resolve(IReadOnlyDictionary<string, string> fields, FileListing listing, string entry)
    {
        if (Fields.All(fields.ContainsKey))
        {
            string path = listing.Corpus.Resolve(Format(fields), entry);
            return File.Exists(path) ? path : null;
        }
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Fields) if (fields.TryGetValue(f, out var v)) known[f] = v;
        var partial = new StringBuilder();
        foreach (var (literal, field, format) in _parts)
            partial.Append(literal ?? (field is not null && known.ContainsKey(field) ? Escape(FormatValue(known[field], format)) : $"{{{field}}}"));
        var pattern = Parse(partial.ToString(), _fieldPatterns);
        string folder = pattern.StaticDirectory;
        // When only folders are unknown the file name is fixed: look it up by name instead of testing every file.
        string text = pattern.Text;
        string fileName = text[(text.LastIndexOf('/') + 1)..];
        var candidates = fileName.Contains('{') ? listing.Under(folder) : listing.Named(folder, fileName);
        var matches = candidates.Where(p => pattern._regex.IsMatch(p)).Take(2).ToArray();
        return matches.Length switch
        {
            0 => null,
            1 => listing.Corpus.Contain(System.IO.Path.Combine(listing.Root, matches[0]), entry),
            _ => throw new InvalidDataException($"Template '{Text}' matches several files: {matches[0]}, {matches[1]}."),
        };
    }

    /// <summary>Fills the placeholders from <paramref name="fields"/>; a numeric format pads integer values.</summary>
    /// <exception cref="KeyNotFoundException">A field has no value (it is named).</exception>
    public string Format(IReadOnlyDictionary<string, string> fields)
    {
        var sb = new StringBuilder();
        foreach (var (literal, field, format) in _parts)
        {
            if (literal is not null) { sb.Append(literal); continue; }
            if (!fields.TryGetValue(field!, out var value))
                throw new KeyNotFoundException($"Template '{Text}' needs field '{field}', which this trial does not have.");
            sb.Append(FormatValue(value, format));
        }
        return sb.ToString();
    }

    private static string FormatValue(string value, string? format) =>
        format is not null && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)
            ? n.ToString(format, CultureInfo.InvariantCulture)
            : value;

    /// <summary>Escapes braces so a substituted value is literal in a template.</summary>
    private static string Escape(string value) => value.Contains('{') || value.Contains('}')
        ? throw new InvalidDataException($"Field value '{value}' contains a brace.")
        : value;
}
