namespace CourseCompanion.Plots.Marks;

/// <summary>A picture drawn pixel-sharp with pixel (row, col) centred at (col, row); the axes is y-inverted.</summary>
internal sealed class ImageMark(Picture picture) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent => ([-0.5, picture.Width - 0.5], [-0.5, picture.Height - 0.5]);

    public bool Tight => true;

    public void Render(SvgWriter svg, Projection p)
    {
        var (x0, x1, y0, y1) = (p.X(-0.5), p.X(picture.Width - 0.5), p.Y(-0.5), p.Y(picture.Height - 0.5));
        svg.Image(Math.Min(x0, x1), Math.Min(y0, y1), Math.Abs(x1 - x0), Math.Abs(y1 - y0), picture.ToPng());
    }
}
