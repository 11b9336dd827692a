using Lapor.Host.Hardening;
using Lapor.Host.Maps;

namespace Lapor.Host.Tests.Maps;

/// <summary>The tile template decides the one outside host the Content-Security-Policy lets images come from.</summary>
public sealed class MapSettingsTests
{
    [Fact]
    public void Default_AllowsImagesFromOpenStreetMapsTileServerOnly()
    {
        var policy = SecurityHeaders.ContentSecurityPolicyFor(new MapSettings());

        Assert.Equal("img-src 'self' data: blob: https://tile.openstreetmap.org", Directive(policy, "img-src"));
        // Nothing else opens up for the map: scripts, connections and the rest stay on our own origin.
        Assert.Equal("script-src 'self'", Directive(policy, "script-src"));
        Assert.Equal("connect-src 'self'", Directive(policy, "connect-src"));
        Assert.Equal("default-src 'self'", Directive(policy, "default-src"));
    }

    [Theory]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("https://tiles.example.org:8443/peta/{z}/{x}/{y}{r}.png?key=abc", "https://tiles.example.org:8443")]
    [InlineData("http://10.1.2.3:8080/{z}/{x}/{y}.png", "http://10.1.2.3:8080")]
    [InlineData("https://Tiles.Example.org/{z}/{y}/{x}.jpg", "https://tiles.example.org")]
    public void TileSource_IsTheTemplatesSchemeHostAndPort(string template, string expected)
    {
        var map = new MapSettings { TileUrl = template };

        Assert.Empty(map.Problems());
        Assert.Equal(expected, map.TileSource());
        Assert.Equal($"img-src 'self' data: blob: {expected}", Directive(SecurityHeaders.ContentSecurityPolicyFor(map), "img-src"));
    }

    [Fact]
    public void NoTileServer_LetsNoOutsideImageIn()
    {
        var map = new MapSettings { TileUrl = "" };

        Assert.Empty(map.Problems());
        Assert.Null(map.TileSource());
        Assert.Equal("img-src 'self' data: blob:", Directive(SecurityHeaders.ContentSecurityPolicyFor(map), "img-src"));
    }

    [Theory]
    [InlineData("tile.openstreetmap.org/{z}/{x}/{y}.png", "Lapor:Map:TileUrl must be an absolute http(s) address")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png", "Lapor:Map:TileUrl must be an absolute http(s) address")]
    [InlineData("https://tiles-{s}.example.org/{z}/{x}/{y}.png", "may vary the host only by a leading '{s}.' label")]
    [InlineData("https://{z}.example.org/{z}/{x}/{y}.png", "may vary the host only by a leading '{s}.' label")]
    [InlineData("https://peta:rahasia@tiles.example.org/{z}/{x}/{y}.png", "must not contain a user name or password")]
    [InlineData("https://tiles.example.org/{z}/{x}.png", "lacks the placeholder {y}")]
    public void BadTemplates_AreRefusedNamingTheSetting(string template, string expected)
    {
        var map = new MapSettings { TileUrl = template };

        var problems = map.Problems();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal) && p.StartsWith("Lapor:Map:", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatThePathHolds_NeverReachesThePolicy()
    {
        var map = new MapSettings { TileUrl = "https://tiles.example.org/;script-src */{z}/{x}/{y}.png" };

        Assert.Empty(map.Problems());
        Assert.Equal("https://tiles.example.org", map.TileSource());
        Assert.DoesNotContain("script-src *", SecurityHeaders.ContentSecurityPolicyFor(map), StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangeNumbers_AreRefused()
    {
        var map = new MapSettings { MaxMarkers = 0, MaxZoom = 30, CenterLatitude = 91, CenterLongitude = -181 };

        var problems = map.Problems();

        Assert.Contains(problems, p => p.StartsWith("Lapor:Map:MaxMarkers is 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Lapor:Map:MaxZoom is 30", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Lapor:Map:CenterLatitude is 91", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Lapor:Map:CenterLongitude is -181", StringComparison.Ordinal));
    }

    private static string Directive(string policy, string name) =>
        policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}
