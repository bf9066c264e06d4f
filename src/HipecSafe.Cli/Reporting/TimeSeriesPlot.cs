using ScottPlot;

namespace HipecSafe.Cli.Reporting;

/// <summary>One line of a time-series plot; NaN points are left out (not measured).</summary>
internal sealed record PlotSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, string? ColorHex = null, bool Dashed = false);

/// <summary>A shaded stretch of the x axis with a caption (a phase of the procedure).</summary>
internal sealed record PlotBand(double From, double To, string Caption);

/// <summary>A horizontal reference line (a limit or a band edge).</summary>
internal sealed record PlotLimit(double Y, string Caption, string ColorHex = "#b00020");

/// <summary>
/// A PNG line chart over time, the shape every HipecSafe report uses (procedure records and campaign reports):
/// titled axes, a legend, optional shaded bands along x and dashed limit lines. Written with ScottPlot 5.
/// </summary>
internal static class TimeSeriesPlot
{
    private static readonly string[] BandShades = ["#00000000", "#0000000f"];

    public static void SavePng(
        string path,
        string title,
        string xLabel,
        string yLabel,
        IReadOnlyList<PlotSeries> series,
        IReadOnlyList<PlotBand>? bands = null,
        IReadOnlyList<PlotLimit>? limits = null,
        int width = 1200,
        int height = 480)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);

        var yMin = double.PositiveInfinity;
        var yMax = double.NegativeInfinity;
        foreach (var s in series)
        {
            var (xs, ys) = Finite(s.X, s.Y);
            if (xs.Length == 0)
            {
                continue;
            }

            yMin = Math.Min(yMin, ys.Min());
            yMax = Math.Max(yMax, ys.Max());
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = s.Label;
            line.LineWidth = 1.5f;
            if (s.ColorHex is { } hex)
            {
                line.Color = Color.FromHex(hex);
            }

            if (s.Dashed)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }

        foreach (var limit in limits ?? [])
        {
            var h = plot.Add.HorizontalLine(limit.Y);
            h.LinePattern = LinePattern.Dashed;
            h.LineWidth = 1;
            h.Color = Color.FromHex(limit.ColorHex);
            h.LegendText = limit.Caption;
            yMin = Math.Min(yMin, limit.Y);
            yMax = Math.Max(yMax, limit.Y);
        }

        if (bands is { Count: > 0 } && double.IsFinite(yMax))
        {
            var top = yMax + (yMax - yMin) * 0.12 + 1e-9;
            var xRange = bands[^1].To - bands[0].From;
            for (var i = 0; i < bands.Count; i++)
            {
                var b = bands[i];
                var span = plot.Add.HorizontalSpan(b.From, b.To);
                span.FillStyle.Color = Color.FromHex(BandShades[i % BandShades.Length]);
                span.LineStyle.Width = 0;
                if (b.To - b.From < xRange * 0.015)
                {
                    continue; // too narrow for a readable caption (e.g. a 0.5 s self-test)
                }

                var text = plot.Add.Text(b.Caption, b.From, top);
                text.LabelFontSize = 10;
                text.LabelRotation = -90;
                text.LabelAlignment = Alignment.UpperRight;
            }

            plot.Axes.SetLimitsY(yMin - (yMax - yMin) * 0.05 - 1e-9, top + (yMax - yMin) * 0.02);
        }

        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, width, height);
    }

    private static (double[] X, double[] Y) Finite(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"a plot series needs as many x as y values ({x.Count} vs {y.Count})", nameof(y));
        }

        var xs = new List<double>(x.Count);
        var ys = new List<double>(y.Count);
        for (var i = 0; i < x.Count; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }
}
