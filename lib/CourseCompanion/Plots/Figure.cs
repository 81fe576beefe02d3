namespace CourseCompanion.Plots;

/// <summary>
/// A figure of one or more panels (<see cref="Axes"/>) in a grid, rendered as one static SVG. In a notebook, a figure
/// as a cell's value (or passed to <c>display</c>) shows as <c>image/svg+xml</c>.
/// </summary>
[TypeFormatterSource(typeof(RichOutputFormatters), PreferredMimeTypes = [MimeTypes.Svg])]
public sealed class Figure : ISvgRenderable
{
    private readonly Axes[] panels;

    /// <summary>A figure with a single panel, <see cref="Ax"/>.</summary>
    public Figure(int width = 480, int height = 320) : this(1, 1, width, height)
    {
    }

    private Figure(int rows, int columns, int width, int height)
    {
        if (rows < 1 || columns < 1) throw new ArgumentException("A figure needs at least one row and one column.");
        (Rows, Columns, Width, Height) = (rows, columns, width, height);
        panels = [.. Enumerable.Range(0, rows * columns).Select(_ => new Axes(this))];
    }

    /// <summary>A grid of <paramref name="rows"/> × <paramref name="columns"/> panels, like matplotlib's <c>plt.subplots</c>.</summary>
    public static Figure Subplots(int rows = 1, int columns = 1, int? width = null, int? height = null) =>
        new(rows, columns, width ?? Math.Min(960, 400 * columns), height ?? 300 * rows);

    /// <summary>Rows of panels.</summary>
    public int Rows { get; }

    /// <summary>Columns of panels.</summary>
    public int Columns { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>A title over all panels (matplotlib's <c>suptitle</c>).</summary>
    public string? Title { get; set; }

    /// <summary>All panels, row by row.</summary>
    public IReadOnlyList<Axes> Axes => panels;

    /// <summary>The first (or only) panel.</summary>
    public Axes Ax => panels[0];

    /// <summary>The panel number <paramref name="index"/>, counting row by row.</summary>
    public Axes this[int index] => panels[index];

    /// <summary>The panel at <paramref name="row"/>, <paramref name="column"/>.</summary>
    public Axes this[int row, int column] => panels[row * Columns + column];

    /// <inheritdoc/>
    public string ToSvg()
    {
        var svg = new SvgWriter(Width, Height);
        var top = Title is null ? 0 : 30;
        if (Title is not null) svg.Text(Width / 2.0, 21, Title, 15, "middle", extra: " font-weight=\"bold\"");
        var (cellWidth, cellHeight) = ((double)Width / Columns, (double)(Height - top) / Rows);
        for (var i = 0; i < panels.Length; i++)
            panels[i].Render(svg, i % Columns * cellWidth, top + i / Columns * cellHeight, cellWidth, cellHeight);
        return svg.ToString();
    }

    /// <summary>Writes the SVG to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToSvg());

    /// <inheritdoc/>
    public override string ToString() =>
        $"Figure {Width}×{Height}" + (Title is null ? "" : $" \"{Title}\"") +
        (panels.Length == 1 ? "" : $", {Rows}×{Columns} panels") +
        string.Concat(panels.Where(a => a.Title is not null).Select(a => $" [{a.Title}]"));
}
