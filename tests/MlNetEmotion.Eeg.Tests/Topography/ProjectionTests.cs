using MlNetEmotion.Eeg.Montages;
using MlNetEmotion.Eeg.Topography;
using MlNetEmotion.Eeg.Topography.Geometry;

namespace MlNetEmotion.Eeg.Tests.Topography;

public class ProjectionTests
{
    [Fact]
    public void MneProjectionOfStandard1020MatchesMne()
    {
        var head = TopomapCases.PhysioNetOnStandard1020.ToHeadCoordinates();
        AssertClose(TopomapCases.Points("mne64_pos"), AzimuthalProjection.Mne(head.Positions, HeadSphere.Default), 1e-15);
    }

    [Fact]
    public void MneProjectionOfBiosemi32MatchesMne()
    {
        var head = StandardMontages.Create("biosemi32").Select(DeapChannels.Names).ToHeadCoordinates();
        AssertClose(TopomapCases.Points("biosemi32_mne_pos"), AzimuthalProjection.Mne(head.Positions, HeadSphere.Default), 1e-15);
    }

    [Fact]
    public void BashivanProjectionMatchesAzimProj()
    {
        var head = StandardMontages.Create("biosemi32").Select(DeapChannels.Names).ToHeadCoordinates();
        AssertClose(TopomapCases.Points("bashivan32_pos"), AzimuthalProjection.Bashivan(head.Positions), 1e-14);
    }

    [Fact]
    public void ProjectionIsEquidistantFromTheVertex()
    {
        // a point at polar angle θ on the default sphere lands at distance θ·r/(π/2) from the centre
        var sphere = HeadSphere.Default;
        for (double theta = 0.1; theta < 2; theta += 0.3)
        {
            var p = new Point3(sphere.Radius * Math.Sin(theta) * Math.Cos(1.0), sphere.Radius * Math.Sin(theta) * Math.Sin(1.0), sphere.Radius * Math.Cos(theta));
            Assert.Equal(theta * sphere.Radius / (Math.PI / 2), AzimuthalProjection.Mne([p], sphere)[0].Norm, 1e-15);
            Assert.Equal(theta, AzimuthalProjection.Bashivan([p])[0].Norm, 1e-15);
        }
    }

    private static void AssertClose(Point2[] expected, Point2[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double d = Math.Max(Math.Abs(expected[i].X - actual[i].X), Math.Abs(expected[i].Y - actual[i].Y));
            Assert.True(d <= tolerance, $"electrode {i}: expected {expected[i]}, got {actual[i]} (|diff| {d:E2})");
        }
    }
}
