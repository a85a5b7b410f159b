using System.Diagnostics;
using System.Text;
using MlNetEmotion.Core.IO;
using MlNetEmotion.Fuzz.Tests.Harness;
using MlNetEmotion.Vision.Detection;

namespace MlNetEmotion.Fuzz.Tests;

/// <summary>Cascade XML is parsed without DTDs, entities or XInclude, and with its nesting bounded.</summary>
public sealed class XmlSafetyTests
{
    private const string Marker = "local-file-content-7f3a9c";

    [Fact]
    public void External_entity_pointing_at_a_local_file_is_never_read()
    {
        using var folder = new TempFolder();
        string secret = folder.File("secret.txt");
        File.WriteAllText(secret, Marker);
        string cascade = Write(folder, $"""
            <?xml version="1.0"?>
            <!DOCTYPE opencv_storage [<!ENTITY secret SYSTEM "{new Uri(secret).AbsoluteUri}">]>
            <opencv_storage><cascade><stageType>&secret;</stageType><featureType>HAAR</featureType></cascade></opencv_storage>
            """);

        var e = Assert.Throws<CascadeFormatException>(() => CascadeClassifier.Load(cascade));

        Assert.Contains("DTD", e.Message);
        Assert.DoesNotContain(Marker, e.ToString());
    }

    [Fact]
    public void XInclude_of_a_local_file_is_not_processed()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("secret.txt"), Marker);
        string cascade = Write(folder, """
            <?xml version="1.0"?>
            <opencv_storage xmlns:xi="http://www.w3.org/2001/XInclude"><cascade>
            <stageType><xi:include href="secret.txt" parse="text"/></stageType><featureType>HAAR</featureType></cascade></opencv_storage>
            """);

        var e = Assert.Throws<CascadeFormatException>(() => CascadeClassifier.Load(cascade));

        Assert.Contains("only BOOST cascades", e.Message);
        Assert.DoesNotContain(Marker, e.ToString());
    }

    [Fact]
    public void Deep_nesting_is_refused_in_linear_time()
    {
        using var folder = new TempFolder();
        // 200,000 levels, 1.4 MB: refused at the depth limit while scanning, long before a tree is built.
        string cascade = folder.File("nested.xml");
        File.WriteAllBytes(cascade, HostileFiles.NestedXml(200_000));
        var watch = Stopwatch.StartNew();

        var e = Assert.Throws<CascadeFormatException>(() => CascadeClassifier.Load(cascade));

        Assert.Contains($"deeper than {ReadLimits.Default.MaxDepth} levels", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed.TotalSeconds:0.00} s");
    }

    private static string Write(TempFolder folder, string xml)
    {
        string path = folder.File("cascade.xml");
        File.WriteAllText(path, xml, Encoding.UTF8);
        return path;
    }
}
