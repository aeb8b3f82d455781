using k8s.Models;

namespace Equipment.Deployment.Tests;

/// <summary>Every overlay under deploy/k8s/overlays, rendered with <c>kubectl kustomize</c> and parsed strictly.</summary>
public sealed class ManifestTests
{
    public static IEnumerable<object[]> Overlays() => Rendering.Overlays();

    [Fact]
    public void The_staging_and_production_overlays_exist()
    {
        foreach (var overlay in Rendering.ExpectedOverlays)
            Assert.True(File.Exists(Path.Combine(Rendering.OverlaysFolder, overlay, "kustomization.yaml")), $"deploy/k8s/overlays/{overlay}/kustomization.yaml is missing");
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Renders_offline_and_every_object_parses_strictly(string overlay)
    {
        var objects = Rendering.Render(overlay);      // throws on an unknown kind, an unknown field or a wrong type

        Assert.Equal(SystemLayout.Services.Count + 2, objects.OfType<V1Deployment>().Count());
        Assert.Equal(SystemLayout.Services.Count, objects.OfType<V2HorizontalPodAutoscaler>().Count());
        Assert.Single(objects.OfType<DaprComponent>(), c => c.Metadata.Name == SystemLayout.PubSubName);
        Assert.NotEmpty(objects.OfType<DaprResiliency>());
        Assert.NotEmpty(objects.OfType<DaprConfiguration>());
        Assert.All(objects.OfType<IMetadata<V1ObjectMeta>>(), o => Assert.False(string.IsNullOrEmpty(o.Metadata.NamespaceProperty), $"{o.Metadata.Name} has no namespace"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_deployment_has_probes_requests_and_limits_and_runs_as_non_root(string overlay) =>
        Assert.Empty(Checks.PodHygiene(Rendering.Render(overlay)));

    [Theory, MemberData(nameof(Overlays))]
    public void The_four_services_run_beside_daprd_with_their_app_id_and_port_and_nothing_else_does(string overlay) =>
        Assert.Empty(Checks.DaprApps(Rendering.Render(overlay)));

    [Theory, MemberData(nameof(Overlays))]
    public void Every_topic_a_service_subscribes_to_publishes_or_dead_letters_to_is_allowed_by_the_pubsub_scopes(string overlay) =>
        Assert.Empty(Checks.PubSubTopics(Rendering.Render(overlay)));

    [Theory, MemberData(nameof(Overlays))]
    public void Dapr_resources_are_scoped_to_our_app_ids_and_inbound_deliveries_are_retried(string overlay) =>
        Assert.Empty(Checks.DaprResources(Rendering.Render(overlay)));

    [Theory, MemberData(nameof(Overlays))]
    public void No_secret_value_is_in_the_manifests(string overlay) =>
        Assert.Empty(Checks.SecretValues(Rendering.Render(overlay)));

    [Theory, MemberData(nameof(Overlays))]
    public void Every_service_has_an_hpa_and_a_pdb(string overlay) =>
        Assert.Empty(Checks.ScalingAndDisruption(Rendering.Render(overlay)));

    [Theory, MemberData(nameof(Overlays))]
    public void Every_secret_the_manifests_reference_is_documented_in_the_readme(string overlay)
    {
        var readme = File.ReadAllText(Path.Combine(Rendering.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Deploy to Kubernetes", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section \"## Deploy to Kubernetes\"");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];

        var secrets = Checks.ReferencedSecrets(Rendering.Render(overlay));
        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.True(section.Contains(s, StringComparison.Ordinal), $"secret {s} is not documented"));
    }

    [Fact]
    public void Production_signs_users_in_with_the_oidc_provider_not_the_demo_users()
    {
        var settings = Rendering.Render("production").OfType<V1ConfigMap>().Single(c => c.Metadata.Name.StartsWith("equipment-settings", StringComparison.Ordinal));
        Assert.Equal("false", settings.Data["LocalIdentity__Enabled"]);
        Assert.StartsWith("https://", settings.Data["Auth__Authority"]);
    }

    [Fact]
    public void The_topics_are_read_from_the_service_assemblies()
    {
        // AddSubscription<TEvent, Handler>() in each Program.cs: 3 + 6 + 4 + 18 (donor-reporting learns the units' receipt photos)
        var subscribed = SystemLayout.Services.ToDictionary(s => s.AppId, s => s.SubscribedTopics());
        Assert.Equal([3, 6, 4, 18], SystemLayout.Services.Select(s => subscribed[s.AppId].Count));
        Assert.Contains("inventory.asset-deployed", subscribed["maintenance"]);
        Assert.Contains("procurement.contract-signed", SystemLayout.Services.Single(s => s.AppId == "procurement").PublishedTopics());

        var published = SystemLayout.Services.SelectMany(s => s.PublishedTopics()).ToHashSet();
        Assert.All(subscribed.Values.SelectMany(t => t), t => Assert.Contains(t, published));
    }
}
