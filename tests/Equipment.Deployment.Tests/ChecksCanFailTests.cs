using k8s.Models;

namespace Equipment.Deployment.Tests;

/// <summary>Each check, shown a deliberately broken copy of the production rendering, reports what was broken.</summary>
public sealed class ChecksCanFailTests
{
    private static List<object> Production() => Rendering.Render("production");

    private static V1Deployment Deployment(List<object> objects, string name) =>
        objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == name);

    [Fact]
    public void Without_kubectl_the_render_fails_saying_to_install_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Rendering.Kustomize(Path.Combine(Rendering.OverlaysFolder, "staging"), kubectlPath: null));
        Assert.Contains("install kubectl", error.Message);
    }

    [Theory]
    [InlineData("kind: Component", "scopes:", "scopess:")]              // a typo in a Dapr resource
    [InlineData("kind: Resiliency", "maxRetries: 50", "maxRetries: fifty")]    // a wrong type
    [InlineData("kind: Deployment", "readinessProbe:", "readinesProbe:")]      // a typo in a built-in kind
    public void The_strict_parse_refuses_an_unknown_field_or_a_wrong_type(string inDocumentOf, string text, string broken)
    {
        var documents = Rendering.RenderYaml("production").Split("\n---\n");
        var index = Array.FindIndex(documents, d => d.Contains(inDocumentOf, StringComparison.Ordinal) && d.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0);
        documents[index] = documents[index].Replace(text, broken);

        Assert.ThrowsAny<Exception>(() => Rendering.Parse(string.Join("\n---\n", documents)));
    }

    [Fact]
    public void Pod_hygiene_notices_a_missing_probe_limit_or_non_root()
    {
        var objects = Production();
        var container = Deployment(objects, "inventory").Spec.Template.Spec.Containers[0];
        container.LivenessProbe = null;
        container.Resources.Limits.Remove("memory");
        Deployment(objects, "portal").Spec.Template.Spec.SecurityContext.RunAsNonRoot = null;
        Deployment(objects, "gateway").Spec.Template.Spec.Containers[0].SecurityContext.ReadOnlyRootFilesystem = false;

        var findings = Checks.PodHygiene(objects).ToList();

        Assert.Contains("inventory/inventory: no HTTP liveness probe", findings);
        Assert.Contains("inventory/inventory: no memory limit", findings);
        Assert.Contains("portal: pod securityContext.runAsNonRoot is not true", findings);
        Assert.Contains("gateway/gateway: root file system is writable", findings);
    }

    [Fact]
    public void Dapr_apps_notice_a_wrong_port_or_app_id_and_a_sidecar_on_the_gateway()
    {
        var objects = Production();
        Deployment(objects, "maintenance").Spec.Template.Metadata.Annotations["dapr.io/app-port"] = "5102";
        Deployment(objects, "procurement").Spec.Template.Metadata.Annotations["dapr.io/app-id"] = "procurements";
        Deployment(objects, "gateway").Spec.Template.Metadata.Annotations["dapr.io/enabled"] = "true";

        var findings = Checks.DaprApps(objects).ToList();

        Assert.Contains("maintenance: annotation dapr.io/app-port is '5102', not '5103'", findings);
        Assert.Contains("procurement: no Deployment with dapr.io/app-id procurement", findings);
        Assert.Contains("gateway: has a Dapr sidecar it does not use", findings);
    }

    [Fact]
    public void Pubsub_topics_notice_a_subscription_or_dead_letter_topic_left_out_and_spaces_daprd_would_not_trim()
    {
        var objects = Production();
        var metadata = objects.OfType<DaprComponent>().Single(c => c.Metadata.Name == "pubsub").Spec.Metadata!;
        var subscriptions = metadata.Single(m => m.Name == "subscriptionScopes");
        subscriptions.Value = subscriptions.Value!.Replace("inventory.asset-deployed,", "").Replace(";donor-reporting=", "; donor-reporting=");
        var publishing = metadata.Single(m => m.Name == "publishingScopes");
        publishing.Value = publishing.Value!.Replace(",procurement.dead-letter", "");

        var findings = Checks.PubSubTopics(objects).ToList();

        Assert.Contains("pubsub: maintenance may not subscribe to inventory.asset-deployed", findings);
        Assert.Contains("pubsub: procurement may not publish to procurement.dead-letter", findings);
        Assert.Contains("pubsub: subscriptionScopes do not restrict donor-reporting", findings);
        Assert.Contains("pubsub: scopes name ' donor-reporting', which is no app id", findings);
    }

    [Fact]
    public void Pubsub_topics_notice_missing_scopes()
    {
        var objects = Production();
        var pubsub = objects.OfType<DaprComponent>().Single(c => c.Metadata.Name == "pubsub");
        pubsub.Spec.Metadata!.RemoveAll(m => m.Name == "publishingScopes");
        pubsub.Scopes!.Remove("inventory");

        var findings = Checks.PubSubTopics(objects).ToList();

        Assert.Contains("pubsub: no publishingScopes: every app may publish to every topic", findings);
        Assert.Contains("pubsub: not scoped to inventory", findings);
    }

    [Fact]
    public void Dapr_resources_notice_an_unscoped_component_and_no_inbound_retry()
    {
        var objects = Production();
        objects.OfType<DaprComponent>().Single().Scopes = null;
        foreach (var r in objects.OfType<DaprResiliency>()) r.Spec.Targets.Components = null;

        var findings = Checks.DaprResources(objects).ToList();

        Assert.Contains("component pubsub: not scoped to app ids of ours", findings);
        Assert.Contains("no Resiliency retries inbound pubsub deliveries: daprd would try each once", findings);
    }

    [Fact]
    public void Secret_values_notices_a_secret_with_data_and_a_literal_token()
    {
        var objects = Production();
        objects.Add(new V1Secret { Metadata = new V1ObjectMeta { Name = "equipment-auth" }, StringData = new Dictionary<string, string> { ["signing-key"] = "c2VjcmV0" } });
        Deployment(objects, "donor-reporting").Spec.Template.Spec.Containers[0].Env.Add(new V1EnvVar { Name = "APP_API_TOKEN", Value = "hunter2" });
        Deployment(objects, "gateway").Spec.Template.Spec.Containers[0].Env.Add(new V1EnvVar { Name = "ConnectionStrings__Database", Value = "Host=db;Password=x" });
        objects.OfType<DaprComponent>().Single().Spec.Metadata!.Add(new ComponentMetadata { Name = "redisPassword", Value = "x" });

        var findings = Checks.SecretValues(objects).ToList();

        Assert.Contains("Secret equipment-auth: carries values in the manifests", findings);
        Assert.Contains("donor-reporting/donor-reporting: env APP_API_TOKEN has a literal value", findings);
        Assert.Contains("gateway/gateway: env ConnectionStrings__Database has a literal value", findings);
        Assert.Contains("component pubsub: redisPassword has a literal value", findings);
    }

    [Fact]
    public void Scaling_and_disruption_notice_a_missing_hpa_or_pdb()
    {
        var objects = Production();
        objects.RemoveAll(o => o is V2HorizontalPodAutoscaler { Metadata.Name: "inventory" } or V1PodDisruptionBudget { Metadata.Name: "maintenance" });

        var findings = Checks.ScalingAndDisruption(objects).ToList();

        Assert.Contains("inventory: no HorizontalPodAutoscaler", findings);
        Assert.Contains("maintenance: 0 PodDisruptionBudgets select it, not one", findings);
    }
}
