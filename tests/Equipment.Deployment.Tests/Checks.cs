using System.Text.RegularExpressions;
using k8s.Models;

namespace Equipment.Deployment.Tests;

/// <summary>
/// What a reviewer checks in rendered manifests. Each check returns its findings (empty = fine), so a test can both
/// assert a real overlay passes and show, on a deliberately broken copy, that the check notices.
/// </summary>
public static partial class Checks
{
    public static IEnumerable<V1Deployment> Deployments(this IEnumerable<object> objects) => objects.OfType<V1Deployment>();

    private static string Name(this V1Deployment d) => d.Metadata.Name;

    private static IDictionary<string, string> Annotations(this V1Deployment d) =>
        d.Spec.Template.Metadata?.Annotations ?? new Dictionary<string, string>();

    private static bool DaprEnabled(this V1Deployment d) =>
        d.Annotations().TryGetValue("dapr.io/enabled", out var v) && v == "true";

    /// <summary>Readiness and liveness probes, requests and limits, and a non-root, unprivileged security context.</summary>
    public static IEnumerable<string> PodHygiene(IEnumerable<object> objects)
    {
        foreach (var d in objects.Deployments())
        {
            var pod = d.Spec.Template.Spec;
            if (pod.SecurityContext?.RunAsNonRoot != true) yield return $"{d.Name()}: pod securityContext.runAsNonRoot is not true";
            if (pod.SecurityContext?.RunAsUser is null or 0) yield return $"{d.Name()}: pod securityContext.runAsUser is not a non-root uid";
            foreach (var c in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var where = $"{d.Name()}/{c.Name}";
                if (c.ReadinessProbe?.HttpGet?.Path is null) yield return $"{where}: no HTTP readiness probe";
                if (c.LivenessProbe?.HttpGet?.Path is null) yield return $"{where}: no HTTP liveness probe";
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    if (c.Resources?.Requests?.ContainsKey(resource) != true) yield return $"{where}: no {resource} request";
                    if (c.Resources?.Limits?.ContainsKey(resource) != true) yield return $"{where}: no {resource} limit";
                }
                var sc = c.SecurityContext;
                if (sc?.RunAsNonRoot == false || sc?.RunAsUser == 0) yield return $"{where}: container may run as root";
                if (sc?.AllowPrivilegeEscalation != false) yield return $"{where}: allowPrivilegeEscalation is not false";
                if (sc?.ReadOnlyRootFilesystem != true) yield return $"{where}: root file system is writable";
                if (sc?.Capabilities?.Drop?.Contains("ALL") != true) yield return $"{where}: capabilities are not all dropped";
            }
        }
    }

    /// <summary>The four services run beside daprd with their own app id and port; the gateway and portal have no sidecar.</summary>
    public static IEnumerable<string> DaprApps(IEnumerable<object> objects)
    {
        var deployments = objects.Deployments().ToList();
        var services = objects.OfType<V1Service>().ToList();
        var configurations = objects.OfType<DaprConfiguration>().Select(c => c.Metadata.Name).ToHashSet();
        foreach (var app in SystemLayout.Services)
        {
            var d = deployments.SingleOrDefault(x => x.Annotations().TryGetValue("dapr.io/app-id", out var id) && id == app.AppId);
            if (d is null) { yield return $"{app.AppId}: no Deployment with dapr.io/app-id {app.AppId}"; continue; }
            var a = d.Annotations();
            var expected = new Dictionary<string, string>
            {
                ["dapr.io/enabled"] = "true",
                ["dapr.io/app-port"] = app.Port.ToString(),
                ["dapr.io/app-protocol"] = "http",
                ["dapr.io/enable-app-health-check"] = "true",
                ["dapr.io/app-health-check-path"] = "/health/live",
            };
            foreach (var (key, value) in expected)
                if (!a.TryGetValue(key, out var actual) || actual != value)
                    yield return $"{app.AppId}: annotation {key} is '{actual}', not '{value}'";
            if (a.TryGetValue("dapr.io/config", out var config) && !configurations.Contains(config))
                yield return $"{app.AppId}: dapr.io/config names '{config}', which is not rendered";

            var container = d.Spec.Template.Spec.Containers[0];
            if (container.Ports?.Any(p => p.ContainerPort == app.Port) != true)
                yield return $"{app.AppId}: container does not expose {app.Port}";
            if (container.ReadinessProbe?.HttpGet?.Path != "/health/ready") yield return $"{app.AppId}: readiness is not /health/ready";
            if (container.LivenessProbe?.HttpGet?.Path != "/health/live") yield return $"{app.AppId}: liveness is not /health/live";
            if (!services.Any(s => s.Metadata.Name == app.AppId && s.Spec.Ports.Any(p => p.Port == app.Port) && Selects(s.Spec.Selector, d)))
                yield return $"{app.AppId}: no Service '{app.AppId}' on port {app.Port} selecting its pods (the gateway proxies to http://{app.AppId}:{app.Port}/)";
        }
        var appIds = SystemLayout.Services.Select(s => s.AppId).ToHashSet();
        foreach (var d in deployments.Where(x => x.DaprEnabled()))
            if (!d.Annotations().TryGetValue("dapr.io/app-id", out var id) || !appIds.Contains(id))
                yield return $"{d.Name()}: has a Dapr sidecar but is none of the four services";
        foreach (var name in new[] { SystemLayout.GatewayName, SystemLayout.PortalName })
        {
            var d = deployments.SingleOrDefault(x => x.Name() == name);
            if (d is null) yield return $"{name}: no Deployment";
            else if (d.DaprEnabled()) yield return $"{name}: has a Dapr sidecar it does not use";
        }
    }

    /// <summary>
    /// The pubsub component is scoped to the four app ids, and its publishingScopes/subscriptionScopes (read as daprd
    /// reads them) allow every topic each service subscribes to, publishes, and its dead-letter topic; and each app is
    /// restricted explicitly (an app missing from a scope list may use every topic).
    /// </summary>
    public static IEnumerable<string> PubSubTopics(IEnumerable<object> objects)
    {
        var pubsubs = objects.OfType<DaprComponent>().Where(c => c.Metadata.Name == SystemLayout.PubSubName).ToList();
        if (pubsubs.Count != 1) { yield return $"{pubsubs.Count} components named '{SystemLayout.PubSubName}', not one"; yield break; }
        var pubsub = pubsubs[0];
        if (!pubsub.Spec.Type.StartsWith("pubsub.", StringComparison.Ordinal) || pubsub.Spec.Type == "pubsub.in-memory")
            yield return $"pubsub: type {pubsub.Spec.Type} is not a broker that delivers across apps";

        var publishing = ParseScopes(pubsub.Value("publishingScopes"));
        var subscribing = ParseScopes(pubsub.Value("subscriptionScopes"));
        var allowed = pubsub.Value("allowedTopics") is { Length: > 0 } list ? list.Split(',').ToHashSet() : null;
        foreach (var app in SystemLayout.Services)
        {
            if (pubsub.Scopes?.Contains(app.AppId) != true) yield return $"pubsub: not scoped to {app.AppId}";
            foreach (var topic in app.SubscribedTopics())
                if (!Allowed(subscribing, app.AppId, topic) || allowed?.Contains(topic) == false)
                    yield return $"pubsub: {app.AppId} may not subscribe to {topic}";
            foreach (var topic in app.PublishedTopics().Append(app.DeadLetterTopic))
                if (!Allowed(publishing, app.AppId, topic) || allowed?.Contains(topic) == false)
                    yield return $"pubsub: {app.AppId} may not publish to {topic}";
            if (publishing is not null && !publishing.ContainsKey(app.AppId)) yield return $"pubsub: publishingScopes do not restrict {app.AppId}";
            if (subscribing is not null && !subscribing.ContainsKey(app.AppId)) yield return $"pubsub: subscriptionScopes do not restrict {app.AppId}";
        }
        if (publishing is null) yield return "pubsub: no publishingScopes: every app may publish to every topic";
        if (subscribing is null) yield return "pubsub: no subscriptionScopes: every app may subscribe to every topic";
        foreach (var unknown in (publishing?.Keys ?? Enumerable.Empty<string>()).Concat(subscribing?.Keys ?? Enumerable.Empty<string>()).Except(SystemLayout.Services.Select(s => s.AppId)).Distinct())
            yield return $"pubsub: scopes name '{unknown}', which is no app id";
    }

    /// <summary>daprd's reading of "app1=topic1,topic2;app2=topic3" (no trimming): null when the setting is absent.</summary>
    public static Dictionary<string, HashSet<string>>? ParseScopes(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var scopes = new Dictionary<string, HashSet<string>>();
        foreach (var entry in value.Split(';'))
        {
            if (entry.Length == 0) continue;
            var parts = entry.Split('=');
            if (parts.Length != 2) continue;      // daprd ignores such an entry
            scopes[parts[0]] = parts[1].Split(',').Where(t => t.Length > 0).ToHashSet();
        }
        return scopes;
    }

    private static bool Allowed(Dictionary<string, HashSet<string>>? scopes, string appId, string topic) =>
        scopes is null || !scopes.TryGetValue(appId, out var topics) || topics.Contains(topic);

    /// <summary>Every Dapr resource is scoped, and inbound pub/sub deliveries are retried.</summary>
    public static IEnumerable<string> DaprResources(IEnumerable<object> objects)
    {
        var appIds = SystemLayout.Services.Select(s => s.AppId).ToHashSet();
        foreach (var c in objects.OfType<DaprComponent>())
            if (c.Scopes is not { Count: > 0 } || !c.Scopes.ToHashSet().IsSubsetOf(appIds))
                yield return $"component {c.Metadata.Name}: not scoped to app ids of ours";
        var resiliencies = objects.OfType<DaprResiliency>().ToList();
        foreach (var r in resiliencies)
            if (r.Scopes is not { Count: > 0 } || !r.Scopes.ToHashSet().IsSubsetOf(appIds))
                yield return $"resiliency {r.Metadata.Name}: not scoped to app ids of ours";
        var inbound = resiliencies
            .Select(r => (r, target: r.Spec.Targets.Components?.GetValueOrDefault(SystemLayout.PubSubName)?.Inbound))
            .Where(x => x.target?.Retry is { } retry && x.r.Spec.Policies.Retries?.ContainsKey(retry) == true)
            .ToList();
        if (inbound.Count == 0) yield return "no Resiliency retries inbound pubsub deliveries: daprd would try each once";
        foreach (var app in appIds.Where(id => !inbound.Any(x => x.r.Scopes?.Contains(id) == true)))
            if (inbound.Count > 0) yield return $"{app}: no inbound pubsub retry policy applies to it";
    }

    [GeneratedRegex("pass(word)?|pwd|token|secret|key|connection ?strings?|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();

    /// <summary>No Secret carries values, no secret-looking env var or Dapr metadata carries a literal value.</summary>
    public static IEnumerable<string> SecretValues(IEnumerable<object> objects)
    {
        foreach (var s in objects.OfType<V1Secret>())
            if (s.Data is { Count: > 0 } || s.StringData is { Count: > 0 })
                yield return $"Secret {s.Metadata.Name}: carries values in the manifests";
        foreach (var d in objects.Deployments())
            foreach (var c in d.Spec.Template.Spec.Containers.Concat(d.Spec.Template.Spec.InitContainers ?? []))
                foreach (var e in c.Env ?? [])
                    if (SecretLooking().IsMatch(e.Name.Replace("_", " ")) && !string.IsNullOrEmpty(e.Value))
                        yield return $"{d.Name()}/{c.Name}: env {e.Name} has a literal value";
        foreach (var cm in objects.OfType<V1ConfigMap>())
            foreach (var (key, value) in cm.Data ?? new Dictionary<string, string>())
                if (SecretLooking().IsMatch(key.Replace("_", " ")) && !string.IsNullOrEmpty(value))
                    yield return $"ConfigMap {cm.Metadata.Name}: {key} has a literal value";
        foreach (var c in objects.OfType<DaprComponent>())
            foreach (var m in c.Spec.Metadata ?? [])
                if (SecretLooking().IsMatch(m.Name) && !m.Name.EndsWith("Scopes", StringComparison.Ordinal) && !string.IsNullOrEmpty(m.Value))
                    yield return $"component {c.Metadata.Name}: {m.Name} has a literal value";
    }

    /// <summary>Every Secret the workloads reference (env, envFrom, volumes, Dapr annotations and components).</summary>
    public static IReadOnlySet<string> ReferencedSecrets(IEnumerable<object> objects)
    {
        var names = new HashSet<string>();
        foreach (var d in objects.Deployments())
        {
            var pod = d.Spec.Template.Spec;
            foreach (var c in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                names.UnionWith((c.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef?.Name).OfType<string>());
                names.UnionWith((c.EnvFrom ?? []).Select(e => e.SecretRef?.Name).OfType<string>());
            }
            names.UnionWith((pod.Volumes ?? []).Select(v => v.Secret?.SecretName).OfType<string>());
            foreach (var key in new[] { "dapr.io/api-token-secret", "dapr.io/app-token-secret" })
                if (d.Annotations().TryGetValue(key, out var secret)) names.Add(secret);
        }
        foreach (var c in objects.OfType<DaprComponent>())
            names.UnionWith((c.Spec.Metadata ?? []).Select(m => m.SecretKeyRef?.Name).OfType<string>());
        return names;
    }

    /// <summary>Each service Deployment has an HPA scaling it and a PDB selecting its pods.</summary>
    public static IEnumerable<string> ScalingAndDisruption(IEnumerable<object> objects)
    {
        var hpas = objects.OfType<V2HorizontalPodAutoscaler>().ToList();
        var pdbs = objects.OfType<V1PodDisruptionBudget>().ToList();
        foreach (var d in objects.Deployments().Where(x => x.DaprEnabled()))
        {
            var hpa = hpas.SingleOrDefault(h => h.Spec.ScaleTargetRef is { Kind: "Deployment", ApiVersion: "apps/v1" } r && r.Name == d.Name());
            if (hpa is null) yield return $"{d.Name()}: no HorizontalPodAutoscaler";
            else
            {
                if (hpa.Spec.MinReplicas is not >= 1 || hpa.Spec.MaxReplicas < hpa.Spec.MinReplicas)
                    yield return $"{d.Name()}: HPA {hpa.Spec.MinReplicas}..{hpa.Spec.MaxReplicas} is no range";
                if (hpa.Spec.Metrics is not { Count: > 0 }) yield return $"{d.Name()}: HPA has no metric";
                if (d.Spec.Replicas is not null) yield return $"{d.Name()}: sets replicas, which its HPA owns";
            }
            var pdb = pdbs.Where(p => p.Spec.Selector?.MatchLabels is { } labels && Selects(labels, d)).ToList();
            if (pdb.Count != 1) yield return $"{d.Name()}: {pdb.Count} PodDisruptionBudgets select it, not one";
            else if (pdb[0].Spec.MinAvailable is null == pdb[0].Spec.MaxUnavailable is null)
                yield return $"{d.Name()}: its PDB must set exactly one of minAvailable and maxUnavailable";
        }
    }

    private static bool Selects(IDictionary<string, string>? selector, V1Deployment d) =>
        selector is { Count: > 0 } && selector.All(s => d.Spec.Template.Metadata.Labels?.TryGetValue(s.Key, out var v) == true && v == s.Value);
}
