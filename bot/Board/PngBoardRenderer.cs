using SkiaSharp;
using TeamsReviewBot.Process.Board;
using TeamsReviewBot.Process.Calendar;

namespace TeamsReviewBot.Board;

/// <summary>
/// Draws the same board as <see cref="SvgBoardRenderer"/> (same <see cref="BoardLayout"/>, palette
/// and shapes) as a PNG for chat, scaled down to fit Teams' 1024-pixel limit for pictures.
/// </summary>
public static class PngBoardRenderer
{
    public const int MaxSide = 1024;

    /// <summary>Where Debian and the App Service Linux images keep DejaVu Sans, tried in turn when the font manager has no sans-serif.</summary>
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    /// <summary>The sans-serif face the board is drawn in, for other pictures the bot draws.</summary>
    internal static SKTypeface SansSerif => Typeface.Value;

    public static byte[] Render(BoardPicture picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        var layout = new BoardLayout(picture);
        var scale = (float)Math.Min(1.0, Math.Min(MaxSide / layout.Width, MaxSide / layout.Height));
        var width = (int)Math.Ceiling(layout.Width * scale);
        var height = (int)Math.Ceiling(layout.Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Scale(scale);
        canvas.Clear(SKColor.Parse(BoardPalette.Background));
        Draw(canvas, layout);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, BoardLayout layout)
    {
        var picture = layout.Picture;
        using var small = new SKFont(Typeface.Value, 10);
        using var label = new SKFont(Typeface.Value, 12) { Embolden = true };
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f };

        foreach (var day in picture.Days)
        {
            var x = (float)layout.DayLeft(day.Date);
            if (!day.IsWorkingDay)
            {
                fill.Color = SKColor.Parse(day.HolidayName is null ? BoardPalette.Weekend : BoardPalette.BankHoliday);
                canvas.DrawRect(x, (float)BoardLayout.HeaderHeight - 30, (float)BoardLayout.DayWidth, (float)(layout.GridBottom - BoardLayout.HeaderHeight + 30), fill);
            }

            fill.Color = SKColor.Parse(BoardPalette.Text);
            if (day.Date.Day == 1 || day.Date == picture.From)
            {
                canvas.DrawText(day.Date.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), x + 2, 14, SKTextAlign.Left, label, fill);
            }

            canvas.DrawText(day.Date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), x + ((float)BoardLayout.DayWidth / 2), 45, SKTextAlign.Center, small, fill);
        }

        for (var i = 0; i < picture.Rows.Count; i++)
        {
            var row = picture.Rows[i];
            var top = (float)layout.RowTop(i);
            stroke.Color = SKColor.Parse(BoardPalette.GridLine);
            stroke.PathEffect = null;
            canvas.DrawLine(0, top + (float)BoardLayout.RowHeight, (float)layout.Width, top + (float)BoardLayout.RowHeight, stroke);
            fill.Color = SKColor.Parse("#0f548c");
            canvas.DrawText(row.CaseCode, 8, top + 17, SKTextAlign.Left, label, fill);
            fill.Color = SKColor.Parse(BoardPalette.MutedText);
            canvas.DrawText(BoardText.Label(row), 8, top + 32, SKTextAlign.Left, small, fill);

            foreach (var window in row.Windows)
            {
                var x = (float)layout.DayLeft(window.From) + 2;
                var right = (float)(layout.DayLeft(window.To) + BoardLayout.DayWidth - 2);
                fill.Color = SKColor.Parse(BoardPalette.Colour(window.Kind));
                canvas.DrawRoundRect(x, (float)layout.WindowY(i), right - x, 7, 3, 3, fill);
            }

            foreach (var ghost in row.Marks.Where(m => m.OriginalDate is not null && m.OriginalDate != m.Date))
            {
                stroke.Color = SKColor.Parse(BoardPalette.Colour(MarkState.Moved)).WithAlpha(110);
                using var dashes = SKPathEffect.CreateDash([2, 2], 0);
                stroke.PathEffect = dashes;
                Shape(canvas, "diamond", (float)layout.DayCentre(ghost.OriginalDate!.Value), (float)layout.MarkY(i, 0, 1), null, stroke);
                stroke.PathEffect = null;
            }

            foreach (var day in row.Marks.GroupBy(m => m.Date))
            {
                var onDay = day.ToList();
                for (var k = 0; k < onDay.Count; k++)
                {
                    var mark = onDay[k];
                    var colour = SKColor.Parse(BoardPalette.Colour(mark.State));
                    fill.Color = mark.State == MarkState.Conditional ? SKColors.White : colour;
                    stroke.Color = colour;
                    Shape(canvas, BoardPalette.Shape(mark.State), (float)layout.DayCentre(mark.Date), (float)layout.MarkY(i, k, onDay.Count), fill, stroke);
                }
            }
        }

        var todayX = (float)layout.DayCentre(picture.Today);
        stroke.Color = SKColor.Parse(BoardPalette.Today);
        stroke.StrokeWidth = 2;
        canvas.DrawLine(todayX, (float)BoardLayout.HeaderHeight - 4, todayX, (float)layout.GridBottom, stroke);
        fill.Color = SKColor.Parse(BoardPalette.Today);
        canvas.DrawRoundRect((float)layout.DayLeft(picture.Today), 35, (float)BoardLayout.DayWidth, 13, 3, 3, fill);
        fill.Color = SKColors.White;
        canvas.DrawText(picture.Today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), todayX, 45, SKTextAlign.Center, small, fill);

        float legendX = 8;
        var legendY = (float)layout.GridBottom + 20;
        stroke.StrokeWidth = 1.5f;
        foreach (var state in new[] { MarkState.Done, MarkState.Due, MarkState.Overdue, MarkState.Moved, MarkState.Conditional })
        {
            var colour = SKColor.Parse(BoardPalette.Colour(state));
            fill.Color = state == MarkState.Conditional ? SKColors.White : colour;
            stroke.Color = colour;
            Shape(canvas, BoardPalette.Shape(state), legendX + 6, legendY - 4, fill, stroke);
            fill.Color = SKColor.Parse(BoardPalette.Text);
            canvas.DrawText(BoardPalette.Word(state), legendX + 16, legendY, SKTextAlign.Left, small, fill);
            legendX += 26 + (BoardPalette.Word(state).Length * 6.2f);
        }

        fill.Color = SKColor.Parse(BoardPalette.MutedText);
        canvas.DrawText("Today: " + BritishDates.Date(picture.Today), legendX + 10, legendY, SKTextAlign.Left, small, fill);
    }

    private static void Shape(SKCanvas canvas, string shape, float cx, float cy, SKPaint? fill, SKPaint stroke)
    {
        var s = (float)BoardLayout.MarkSize;
        canvas.Save();
        if (shape == "diamond")
        {
            // A square turned through 45 degrees, with the same reach as the SVG's diamond.
            canvas.RotateDegrees(45, cx, cy);
            s *= 0.72f;
        }

        var box = new SKRect(cx - s + 1, cy - s + 1, cx + s - 1, cy + s - 1);
        foreach (var paint in new[] { fill, stroke }.OfType<SKPaint>())
        {
            if (shape == "circle")
            {
                canvas.DrawCircle(cx, cy, s - 1, paint);
            }
            else
            {
                canvas.DrawRect(box, paint);
            }
        }

        canvas.Restore();
    }

    private static SKTypeface LoadTypeface()
    {
        var named = SKFontManager.Default.MatchFamily("DejaVu Sans") ?? SKFontManager.Default.MatchFamily("sans-serif");
        if (named is not null)
        {
            return named;
        }

        foreach (var file in FontFiles.Where(File.Exists))
        {
            if (SKTypeface.FromFile(file) is { } loaded)
            {
                return loaded;
            }
        }

        return SKTypeface.Default;
    }

}
