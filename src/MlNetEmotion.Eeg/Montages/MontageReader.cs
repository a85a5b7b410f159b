using System.Globalization;

namespace MlNetEmotion.Eeg.Montages;

/// <summary>Reads electrode-position files the way MNE's <c>read_custom_montage</c> does: ASA <c>.elc</c>
/// (Cartesian, unit from <c>UnitPosition</c>), theta/phi <c>.txt</c> (degrees, MNE's spherical convention) and
/// BESA/EGI <c>.sfp</c> (Cartesian). Positions are scaled so the median electrode distance from the origin is
/// the head radius (as MNE does; theta/phi files are placed on a sphere of that radius). The fiducials
/// <c>Nz</c>/<c>LPA</c>/<c>RPA</c> (<c>FidNz</c>/<c>FidT9</c>/<c>FidT10</c> in <c>.sfp</c>) are taken out of the channel list.</summary>
public static class MontageReader
{
    /// <summary>MNE's default head radius, 0.095 m.</summary>
    public const double DefaultHeadRadius = 0.095;

    private static readonly string[] ElcFiducials = ["Nz", "LPA", "RPA"];
    private static readonly string[] SfpFiducials = ["FidNz", "FidT9", "FidT10"];

    /// <summary>Reads a <c>.elc</c>, <c>.txt</c> or <c>.sfp</c> file, chosen by extension.</summary>
    /// <param name="path">The file.</param>
    /// <param name="headRadius">Head radius in metres used for scaling, or null to keep the file's scale
    /// (not allowed for <c>.txt</c>, which has no radius).</param>
    /// <exception cref="MontageFormatException">The file is malformed or the extension is not supported.</exception>
    public static Montage Read(string path, double? headRadius = DefaultHeadRadius)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        using var reader = new StreamReader(path);
        string name = Path.GetFileName(path);
        return ext switch
        {
            ".elc" => ReadElc(reader, name, headRadius),
            ".txt" => ReadThetaPhi(reader, name, headRadius ?? throw new ArgumentException($"{name}: a theta/phi file needs a head radius.", nameof(headRadius))),
            ".sfp" => ReadSfp(reader, name, headRadius),
            _ => throw new MontageFormatException(name, 0, $"unsupported extension '{ext}'; expected .elc, .txt or .sfp."),
        };
    }

    /// <summary>Reads an ASA <c>.elc</c> file: a <c>UnitPosition</c> line (<c>m</c> or <c>mm</c>), a <c>Positions</c>
    /// block of x y z rows and a <c>Labels</c> block.</summary>
    public static Montage ReadElc(TextReader reader, string sourceName, double? headRadius) =>
        ReadElc(reader, sourceName, headRadius, millimetresIgnoringUnit: false, CoordinateFrame.Unknown, replacementFiducials: null);

    // millimetresIgnoringUnit: MNE's reader of its own standard files divides by 1000 whatever the unit line says.
    internal static Montage ReadElc(TextReader reader, string source, double? headRadius, bool millimetresIgnoringUnit,
        CoordinateFrame frame, Fiducials? replacementFiducials)
    {
        int lineNo = 0;
        string? line;
        double? unit = null;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Contains("UnitPosition", StringComparison.Ordinal))
            {
                string[] parts = Split(line);
                unit = parts.Length > 1 ? parts[1] switch { "m" => 1.0, "mm" => 1e-3, _ => null } : null;
                if (unit is null) throw new MontageFormatException(source, lineNo, $"unit '{(parts.Length > 1 ? parts[1] : "")}' is not 'm' or 'mm'.");
                break;
            }
        }
        if (unit is null) throw new MontageFormatException(source, 0, "no UnitPosition line.");
        if (!SkipTo(reader, "Positions", ref lineNo)) throw new MontageFormatException(source, 0, "no 'Positions' block.");
        var positions = new List<Point3>();
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Trim() == "Labels") break;
            double[] v = ParseNumbers(Split(line), 0, 3, source, lineNo);
            positions.Add(millimetresIgnoringUnit
                ? new Point3(v[0] / 1000, v[1] / 1000, v[2] / 1000)
                : new Point3(v[0] * unit.Value, v[1] * unit.Value, v[2] * unit.Value));
        }
        if (line is null) throw new MontageFormatException(source, lineNo, "no 'Labels' block after the positions.");
        var names = new List<string>();
        while ((line = reader.ReadLine()) != null && line.Trim(' ').Length > 0)
        {
            lineNo++;
            names.Add(line.Trim(' '));
        }
        if (names.Count != positions.Count)
            throw new MontageFormatException(source, 0, $"{positions.Count} positions but {names.Count} labels.");
        return Build(source, names, positions, headRadius, ElcFiducials, frame, replacementFiducials);
    }

    /// <summary>Reads a theta/phi <c>.txt</c> file (one header line, then <c>name theta phi</c> in degrees) and places
    /// the electrodes on a sphere of radius <paramref name="headRadius"/>: z = r cos θ, x = r sin θ cos φ,
    /// y = r sin θ sin φ (MNE's <c>_sph_to_cart</c> with θ as polar and φ as azimuth angle).</summary>
    public static Montage ReadThetaPhi(TextReader reader, string sourceName, double headRadius)
    {
        var names = new List<string>();
        var positions = new List<Point3>();
        int lineNo = 1;
        if (reader.ReadLine() is null) throw new MontageFormatException(sourceName, 1, "empty file; expected a header line.");
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            string[] parts = Split(line);
            if (parts.Length == 0) continue;
            double[] v = ParseNumbers(parts, 1, 2, sourceName, lineNo);
            double theta = v[0] * (Math.PI / 180), phi = v[1] * (Math.PI / 180);
            double xy = headRadius * Math.Sin(theta);
            names.Add(parts[0]);
            positions.Add(new Point3(xy * Math.Cos(phi), xy * Math.Sin(phi), headRadius * Math.Cos(theta)));
        }
        return Build(sourceName, names, positions, headRadius: null, ElcFiducials, CoordinateFrame.Unknown, null);
    }

    /// <summary>Reads a BESA/EGI <c>.sfp</c> file (<c>name x y z</c> rows; <c>headshape</c> rows are ignored).
    /// As in MNE, coordinates are single precision and the scaling to <paramref name="headRadius"/> is done in
    /// single precision.</summary>
    public static Montage ReadSfp(TextReader reader, string sourceName, double? headRadius)
    {
        var names = new List<string>();
        var xyz = new List<float[]>();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            string[] parts = Split(line);
            if (parts.Length == 0 || parts[0] == "headshape") continue;
            double[] v = ParseNumbers(parts, 1, 3, sourceName, lineNo);
            names.Add(parts[0]);
            xyz.Add([(float)v[0], (float)v[1], (float)v[2]]);
        }
        if (headRadius is double r && xyz.Count > 0)
        {
            float[] norms = xyz.Select(p => MathF.Sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2])).Order().ToArray();
            int n = norms.Length;
            float median = n % 2 == 1 ? norms[n / 2] : (norms[n / 2 - 1] + norms[n / 2]) / 2f;
            float scale = (float)(r / median);
            foreach (var p in xyz) { p[0] *= scale; p[1] *= scale; p[2] *= scale; }
        }
        var montage = Build(sourceName, names, xyz.Select(p => new Point3(p[0], p[1], p[2])).ToList(), headRadius: null,
            SfpFiducials, CoordinateFrame.Unknown, null);
        return montage.Fiducials is null ? montage
            : new Montage(montage.Name, montage.ChannelNames, montage.Positions, montage.Frame, montage.Fiducials with { SinglePrecision = true });
    }

    private static Montage Build(string source, List<string> names, List<Point3> positions, double? headRadius,
        string[] fiducialNames, CoordinateFrame frame, Fiducials? replacementFiducials)
    {
        if (names.Count == 0) throw new MontageFormatException(source, 0, "no electrodes.");
        double scale = 1;
        if (headRadius is double r)
        {
            double[] norms = positions.Select(p => p.Norm).Order().ToArray();
            int n = norms.Length;
            double median = n % 2 == 1 ? norms[n / 2] : (norms[n / 2 - 1] + norms[n / 2]) / 2;
            scale = r / median;
        }
        // last duplicate wins, first occurrence keeps its place (Python OrderedDict semantics)
        var order = new List<string>();
        var byName = new Dictionary<string, Point3>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (!byName.ContainsKey(names[i])) order.Add(names[i]);
            byName[names[i]] = scale * positions[i];
        }
        Point3?[] fids = fiducialNames.Select(f => byName.Remove(f, out var p) ? p : (Point3?)null).ToArray();
        order.RemoveAll(n => !byName.ContainsKey(n));
        Fiducials? fiducials = replacementFiducials ?? (fids.All(f => f.HasValue) ? new Fiducials(fids[0]!.Value, fids[1]!.Value, fids[2]!.Value) : null);
        return new Montage(source, order, order.Select(n => byName[n]).ToArray(), frame, fiducials);
    }

    private static bool SkipTo(TextReader reader, string marker, ref int lineNo)
    {
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Trim() == marker) return true;
        }
        return false;
    }

    private static string[] Split(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static double[] ParseNumbers(string[] parts, int start, int count, string source, int lineNo)
    {
        if (parts.Length < start + count)
            throw new MontageFormatException(source, lineNo, $"expected {count} numbers, found '{string.Join(' ', parts)}'.");
        var v = new double[count];
        for (int i = 0; i < count; i++)
            if (!double.TryParse(parts[start + i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]))
                throw new MontageFormatException(source, lineNo, $"'{parts[start + i]}' is not a number.");
        return v;
    }
}
