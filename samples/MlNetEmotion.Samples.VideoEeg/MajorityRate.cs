namespace MlNetEmotion.Samples.VideoEeg;

/// <summary>The accuracy of always predicting the training rows' most frequent class, per held-out subject: the rate a
/// model that learned nothing reaches under the same rotations.</summary>
internal static class MajorityRate
{
    /// <summary>Per subject (in ordinal order, as <c>LeaveOneGroupOutSplitter</c>), the share of their labels equal to the
    /// most frequent label of all other subjects (ties to the lower key).</summary>
    public static double[] PerSubject(IDataView labelled, string labelColumnName = "Label")
    {
        var subjects = labelled.GetColumn<string>("Subject").ToArray();
        var labels = labelled.GetColumn<uint>(labelColumnName).ToArray();
        return [.. subjects.Distinct().Order(StringComparer.Ordinal).Select(held =>
        {
            uint majority = labels.Where((_, i) => subjects[i] != held).GroupBy(l => l)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var own = labels.Where((_, i) => subjects[i] == held).ToArray();
            return own.Count(l => l == majority) / (double)own.Length;
        })];
    }
}
