using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Equipment.Portal.Map;

/// <summary>
/// Country borders (Natural Earth 1:50m through world-atlas, Map/README.md) drawn as SVG paths for the part of the world
/// around some places: an equirectangular projection with longitudes narrowed by the cosine of the middle latitude.
/// </summary>
public sealed class WorldMap
{
    private sealed record Country(string Id, double[][] Rings, double MinLon, double MinLat, double MaxLon, double MaxLat);

    private static readonly Lazy<IReadOnlyList<Country>> Countries = new(Load);

    public double Width { get; }
    public double Height { get; }
    private readonly double _west, _north, _scale, _lonFactor;

    /// <param name="places">longitude and latitude of what the map is for; the view holds them all with a margin</param>
    public WorldMap(IReadOnlyCollection<(double Longitude, double Latitude)> places, double width, double height, double padding)
    {
        Width = width;
        Height = height;
        double minLon = places.Min(p => p.Longitude), maxLon = places.Max(p => p.Longitude);
        double minLat = places.Min(p => p.Latitude), maxLat = places.Max(p => p.Latitude);
        var middle = (minLat + maxLat) / 2;
        _lonFactor = Math.Cos(middle * Math.PI / 180);
        // At least 3° across (one crossing point still shows its neighbours), then the box's shape made the view's.
        var spanX = Math.Max((maxLon - minLon) * _lonFactor, 3);
        var spanY = Math.Max(maxLat - minLat, 3 * height / width);
        _scale = Math.Min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
        var centreX = (minLon + maxLon) / 2 * _lonFactor;
        var centreY = (minLat + maxLat) / 2;
        _west = centreX - width / 2 / _scale;
        _north = centreY + height / 2 / _scale;
    }

    public (double X, double Y) Project(double longitude, double latitude) =>
        ((longitude * _lonFactor - _west) * _scale, (_north - latitude) * _scale);

    /// <summary>The borders of every country in view, one path (points closer than <paramref name="tolerance"/> merged).</summary>
    public string BordersPath(double tolerance = 0.7)
    {
        double east = _west + Width / _scale, south = _north - Height / _scale;
        var path = new StringBuilder();
        foreach (var country in Countries.Value)
        {
            if (country.MaxLat < south || country.MinLat > _north || country.MaxLon * _lonFactor < _west || country.MinLon * _lonFactor > east) continue;
            foreach (var ring in country.Rings)
            {
                double lastX = double.NaN, lastY = double.NaN;
                var count = 0;
                for (var i = 0; i < ring.Length; i += 2)
                {
                    var (x, y) = Project(ring[i], ring[i + 1]);
                    if (count > 0 && Math.Abs(x - lastX) < tolerance && Math.Abs(y - lastY) < tolerance && i < ring.Length - 2) continue;
                    path.Append(count == 0 ? 'M' : 'L').Append(N(x)).Append(',').Append(N(y));
                    (lastX, lastY) = (x, y);
                    count++;
                }
                if (count > 0) path.Append('Z');
            }
        }
        return path.ToString();
    }

    private static IReadOnlyList<Country> Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Equipment.Portal.Map.countries-50m.json")
            ?? throw new InvalidOperationException("The map's country borders are not embedded in the portal.");
        using var document = JsonDocument.Parse(stream);
        var countries = new List<Country>();
        foreach (var c in document.RootElement.GetProperty("countries").EnumerateArray())
        {
            var rings = c.GetProperty("rings").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            var lons = rings.SelectMany(r => r.Where((_, i) => i % 2 == 0)).ToList();
            var lats = rings.SelectMany(r => r.Where((_, i) => i % 2 == 1)).ToList();
            countries.Add(new Country(c.GetProperty("id").GetString() ?? "", rings, lons.Min(), lats.Min(), lons.Max(), lats.Max()));
        }
        return countries;
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>
/// Places labels beside their points so that no two overlap, none covers a point and all stay inside the box: beside
/// the point first (right, left, above, below), then further out with a leader line. A label with no room is left off
/// (the caller names it elsewhere).
/// </summary>
public static class LabelPlacement
{
    public readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box other) => X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
    }

    /// <summary>Where each label goes (its box, whose text baseline is at Y + 0.8 × height), or null when it has no room.</summary>
    public static IReadOnlyList<Box?> Place(IReadOnlyList<(double X, double Y, double LabelWidth)> points, double labelHeight, double markerRadius, double width, double height)
    {
        var markers = points.Select(p => new Box(p.X - markerRadius, p.Y - markerRadius, 2 * markerRadius, 2 * markerRadius)).ToList();
        var placed = new List<Box>();
        var result = new Box?[points.Count];
        // Crowded places first (most neighbours), so the hardest get the nearest room.
        var order = Enumerable.Range(0, points.Count)
            .OrderByDescending(i => points.Count(p => Math.Abs(p.X - points[i].X) < 80 && Math.Abs(p.Y - points[i].Y) < 40)).ThenBy(i => i).ToList();
        foreach (var i in order)
        {
            var (x, y, w) = points[i];
            foreach (var box in Candidates(x, y, w, labelHeight, markerRadius))
            {
                if (box.X < 1 || box.Y < 1 || box.X + box.Width > width - 1 || box.Y + box.Height > height - 1) continue;
                if (placed.Any(box.Overlaps) || markers.Any(box.Overlaps)) continue;
                placed.Add(box);
                result[i] = box;
                break;
            }
        }
        return result;
    }

    private static IEnumerable<Box> Candidates(double x, double y, double w, double h, double r)
    {
        for (var ring = 0; ring < 6; ring++)
        {
            var d = r + 3 + ring * h;
            yield return new Box(x + d, y - h / 2, w, h);                    // right
            yield return new Box(x - d - w, y - h / 2, w, h);                // left
            yield return new Box(x - w / 2, y - d - h, w, h);                // above
            yield return new Box(x - w / 2, y + d, w, h);                    // below
            yield return new Box(x + d * 0.7, y - d * 0.7 - h, w, h);        // above right
            yield return new Box(x + d * 0.7, y + d * 0.7, w, h);            // below right
            yield return new Box(x - d * 0.7 - w, y - d * 0.7 - h, w, h);    // above left
            yield return new Box(x - d * 0.7 - w, y + d * 0.7, w, h);        // below left
        }
    }
}
