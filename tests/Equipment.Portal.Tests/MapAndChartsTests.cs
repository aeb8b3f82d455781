using Equipment.Portal.Map;

namespace Equipment.Portal.Tests;

/// <summary>The crossing-point map's borders and label placement, and the charts' text measure.</summary>
public sealed class MapAndChartsTests
{
    // The demo's crossing points: Ras Ajdir and Dehiba–Wazin (TN–LY), Preševo and Tabanovce (RS–MK, 10 km apart), Horgoš.
    private static readonly (string Name, double Lon, double Lat)[] Places =
    [
        ("Ras Ajdir", 11.56, 33.15), ("Dehiba–Wazin", 10.70, 31.99), ("Preševo", 21.65, 42.31), ("Tabanovce", 21.71, 42.21),
        ("Horgoš", 19.97, 46.16), ("Bogorodica", 22.58, 41.13), ("Kakavijë", 20.06, 39.93),
    ];

    [Fact]
    public void The_map_draws_the_borders_around_its_places_and_puts_every_place_inside_it()
    {
        var map = new WorldMap(Places.Select(p => (p.Lon, p.Lat)).ToList(), 480, 360, 40);
        var path = map.BordersPath();
        Assert.StartsWith("M", path);
        Assert.True(path.Count(c => c == 'Z') > 20, "the countries from Tunisia to Serbia, and their islands");
        foreach (var (_, lon, lat) in Places)
        {
            var (x, y) = map.Project(lon, lat);
            Assert.InRange(x, 40 - 0.01, 440 + 0.01);
            Assert.InRange(y, 40 - 0.01, 320 + 0.01);
        }
        // North is up, east is right.
        Assert.True(map.Project(19.97, 46.16).Y < map.Project(11.56, 33.15).Y);
        Assert.True(map.Project(22.58, 41.13).X > map.Project(10.70, 31.99).X);
    }

    [Fact]
    public void One_place_alone_still_shows_a_few_degrees_around_it()
    {
        var map = new WorldMap([(11.56, 33.15)], 480, 360, 40);
        var (x, y) = map.Project(11.56, 33.15);
        Assert.Equal((240, 180), (Math.Round(x), Math.Round(y)));
        Assert.True(map.Project(12.56, 33.15).X - x < 200, "one degree is not the whole map");
        Assert.NotEmpty(map.BordersPath());
    }

    [Fact]
    public void Labels_overlap_no_other_label_nor_point_and_stay_inside_even_for_neighbours_ten_km_apart()
    {
        var map = new WorldMap(Places.Select(p => (p.Lon, p.Lat)).ToList(), 480, 360, 40);
        var points = Places.Select(p => { var (x, y) = map.Project(p.Lon, p.Lat); return (x, y, Svg.TextWidth(p.Name, 15)); }).ToList();
        var boxes = LabelPlacement.Place(points, 15 * 1.25, 10, 480, 360);
        Assert.All(boxes, b => Assert.NotNull(b));
        var placed = boxes.Select(b => b!.Value).ToList();
        for (var i = 0; i < placed.Count; i++)
        {
            Assert.InRange(placed[i].X, 1, 480 - placed[i].Width - 1);
            Assert.InRange(placed[i].Y, 1, 360 - placed[i].Height - 1);
            for (var j = 0; j < placed.Count; j++)
            {
                if (i != j) Assert.False(placed[i].Overlaps(placed[j]), $"{Places[i].Name} overlaps {Places[j].Name}");
                var marker = new LabelPlacement.Box(points[j].x - 10, points[j].y - 10, 20, 20);
                Assert.False(placed[i].Overlaps(marker), $"{Places[i].Name}'s label covers {Places[j].Name}'s point");
            }
        }
    }

    [Fact]
    public void A_label_with_no_room_is_left_off_rather_than_drawn_over_another()
    {
        var crowd = Enumerable.Range(0, 40).Select(i => (100.0 + i % 2, 100.0 + i % 3, 120.0)).ToList();
        var boxes = LabelPlacement.Place(crowd, 18, 10, 200, 200);
        Assert.Contains(boxes, b => b is null);
        var placed = boxes.Where(b => b is not null).Select(b => b!.Value).ToList();
        Assert.All(placed, a => Assert.Single(placed, b => a.Overlaps(b)));
    }

    [Theory]
    [InlineData("15,000,000 EUR")]
    [InlineData("100.0 %")]
    public void A_value_is_measured_wide_enough_never_to_be_cut(string value) =>
        Assert.True(Svg.TextWidth(value, 15) >= value.Length * 15 * 0.5);

    [Fact]
    public void A_label_too_long_is_cut_with_an_ellipsis_to_its_room()
    {
        var cut = Svg.Fit("Budget against committed, contracted, delivered and disbursed", 15, 120);
        Assert.EndsWith("…", cut);
        Assert.True(Svg.TextWidth(cut, 15) <= 120);
        Assert.Equal("Budget", Svg.Fit("Budget", 15, 120));
    }
}
