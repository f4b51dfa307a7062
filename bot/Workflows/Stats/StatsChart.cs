using System.Globalization;
using SkiaSharp;
using TeamsReviewBot.Board;
using TeamsReviewBot.Process.Stats;

namespace TeamsReviewBot.Workflows.Stats;

/// <summary>
/// Draws the period's figures as a PNG for the stats card, in the bot itself (no chart service):
/// the share of each deadline met as bars split into met (green) and missed (red), then the
/// decisions by outcome. 640 pixels wide (Teams shows a card's picture about 500 wide, so the text stays legible), and scaled down to Teams' 1024-pixel limit for pictures when taller.
/// </summary>
public static class StatsChart
{
    public const int Width = 640;
    private const float MaxSide = PngBoardRenderer.MaxSide;
    private const float Margin = 24;
    private const float LabelWidth = 250;
    private const float BarHeight = 24;
    private const float RowHeight = 36;
    private const float SectionGap = 52;
    private const string Met = "#2E7D32";
    private const string Missed = "#C62828";
    private const string Count = "#1565C0";
    private const string Text = "#1F1F1F";
    private const string Subtle = "#616161";

    public static byte[] Render(PartnershipStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var deadlineRows = Math.Max(1, stats.Deadlines.Count);
        var outcomeRows = Math.Max(1, stats.DecisionsByOutcome.Count);
        var height = (Margin * 2) + 40 + SectionGap + (deadlineRows * RowHeight) + SectionGap + (outcomeRows * RowHeight);
        // Many partnerships' deadlines at once would be taller than Teams shows: scale to fit, as the board does.
        var scale = Math.Min(1f, MaxSide / height);
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(Width * scale), (int)Math.Ceiling(height * scale), SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Scale(scale);
        canvas.Clear(SKColors.White);
        using var title = new SKFont(PngBoardRenderer.SansSerif, 22) { Embolden = true };
        using var heading = new SKFont(PngBoardRenderer.SansSerif, 18) { Embolden = true };
        using var label = new SKFont(PngBoardRenderer.SansSerif, 16);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };

        var y = Margin + 18;
        paint.Color = SKColor.Parse(Text);
        canvas.DrawText("Rapid Reviews", Margin, y, SKTextAlign.Left, title, paint);
        paint.Color = SKColor.Parse(Subtle);
        canvas.DrawText($"{stats.Referrals} {(stats.Referrals == 1 ? "referral" : "referrals")} received {Short(stats.Period.From)} to {Short(stats.Period.To)}", Margin, y + 26, SKTextAlign.Left, label, paint);

        y += 40 + SectionGap;
        paint.Color = SKColor.Parse(Text);
        canvas.DrawText("Share of each deadline met", Margin, y - 14, SKTextAlign.Left, heading, paint);
        if (stats.Deadlines.Count == 0)
        {
            paint.Color = SKColor.Parse(Subtle);
            canvas.DrawText("No deadline has fallen due yet for these referrals.", Margin, y + 14, SKTextAlign.Left, label, paint);
        }

        var barLeft = Margin + LabelWidth;
        var barWidth = Width - barLeft - Margin - 110;
        foreach (var deadline in stats.Deadlines)
        {
            DrawLabel(canvas, Fit($"{deadline.Deadline}", label, LabelWidth - 8), y, label, paint);
            var metWidth = barWidth * deadline.Met / Math.Max(1, deadline.Counted);
            paint.Color = SKColor.Parse(Met);
            canvas.DrawRect(barLeft, y, metWidth, BarHeight, paint);
            paint.Color = SKColor.Parse(Missed);
            canvas.DrawRect(barLeft + metWidth, y, barWidth - metWidth, BarHeight, paint);
            paint.Color = SKColor.Parse(Text);
            var share = deadline.ShareMet is { } s ? Math.Round(s * 100).ToString(CultureInfo.InvariantCulture) + "%" : "–";
            canvas.DrawText($"{deadline.Met} of {deadline.Counted} ({share})", barLeft + barWidth + 8, y + 18, SKTextAlign.Left, label, paint);
            y += RowHeight;
        }

        y += SectionGap;
        canvas.DrawText("Decisions by outcome", Margin, y - 14, SKTextAlign.Left, heading, paint);
        var most = Math.Max(1, stats.DecisionsByOutcome.Select(t => t.Count).DefaultIfEmpty(0).Max());
        if (stats.DecisionsByOutcome.Count == 0)
        {
            paint.Color = SKColor.Parse(Subtle);
            canvas.DrawText("No referrals in this period.", Margin, y + 14, SKTextAlign.Left, label, paint);
        }

        foreach (var outcome in stats.DecisionsByOutcome)
        {
            DrawLabel(canvas, Fit(outcome.Label, label, LabelWidth - 8), y, label, paint);
            paint.Color = SKColor.Parse(Count);
            canvas.DrawRect(barLeft, y, barWidth * outcome.Count / most, BarHeight, paint);
            paint.Color = SKColor.Parse(Text);
            canvas.DrawText(outcome.Count.ToString(CultureInfo.InvariantCulture), barLeft + (barWidth * outcome.Count / most) + 8, y + 18, SKTextAlign.Left, label, paint);
            y += RowHeight;
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void DrawLabel(SKCanvas canvas, string text, float y, SKFont font, SKPaint paint)
    {
        paint.Color = SKColor.Parse(Text);
        canvas.DrawText(text, Margin, y + 18, SKTextAlign.Left, font, paint);
    }

    private static string Short(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The text, shortened with an ellipsis to fit <paramref name="width"/> pixels.</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var shorter = text;
        while (shorter.Length > 1 && font.MeasureText(shorter + "…") > width)
        {
            shorter = shorter[..^1];
        }

        return shorter.TrimEnd() + "…";
    }
}
