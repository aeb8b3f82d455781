using Equipment.AppHost;

namespace Equipment.System.Tests;

/// <summary>The run command's options, read before anything starts.</summary>
public class AppHostOptionsTests
{
    [Fact]
    public void Two_parts_on_one_port_are_refused_before_anything_starts()
    {
        var options = HostOptions.Parse(["--inventory-port", "3500"]);   // the sidecar's default

        Assert.Equal("apphost: port 3500 is given to two parts; each part needs a port of its own.", options.Error);
    }

    [Fact]
    public void Ports_of_their_own_are_taken()
    {
        var options = HostOptions.Parse(["--inventory-port", "6102", "--sidecar-port", "6500"]);

        Assert.Null(options.Error);
        Assert.Equal((6102, 6500), (options.Ports.Inventory, options.Ports.Sidecar));
    }
}
