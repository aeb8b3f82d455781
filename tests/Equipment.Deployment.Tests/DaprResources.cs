using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Equipment.Deployment.Tests;

// Dapr's custom resources, as small typed classes so that KubernetesYaml parses them strictly too: a field these
// classes do not know (a typo, or a field Dapr does not have) fails the parse. Only the fields deploy/k8s uses, and
// their documented neighbours, are modelled (docs.dapr.io reference/resource-specs).

public sealed class DaprComponent : IKubernetesObject<V1ObjectMeta>
{
    public const string Key = "dapr.io/v1alpha1/Component";
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public ComponentSpec Spec { get; set; } = new();
    [JsonPropertyName("scopes")] public List<string>? Scopes { get; set; }
    [JsonPropertyName("auth")] public ComponentAuth? Auth { get; set; }

    public string? Value(string name) => Spec.Metadata?.FirstOrDefault(m => m.Name == name)?.Value;
}

public sealed class ComponentSpec
{
    [JsonPropertyName("type")] public string Type { get; set; } = "";
    [JsonPropertyName("version")] public string Version { get; set; } = "";
    [JsonPropertyName("ignoreErrors")] public bool? IgnoreErrors { get; set; }
    [JsonPropertyName("initTimeout")] public string? InitTimeout { get; set; }
    [JsonPropertyName("metadata")] public List<ComponentMetadata>? Metadata { get; set; }
}

public sealed class ComponentMetadata
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("secretKeyRef")] public ComponentSecretKeyRef? SecretKeyRef { get; set; }
}

public sealed class ComponentSecretKeyRef
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("key")] public string? Key { get; set; }
}

public sealed class ComponentAuth
{
    [JsonPropertyName("secretStore")] public string SecretStore { get; set; } = "";
}

public sealed class DaprResiliency : IKubernetesObject<V1ObjectMeta>
{
    public const string Key = "dapr.io/v1alpha1/Resiliency";
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public ResiliencySpec Spec { get; set; } = new();
    [JsonPropertyName("scopes")] public List<string>? Scopes { get; set; }
}

public sealed class ResiliencySpec
{
    [JsonPropertyName("policies")] public ResiliencyPolicies Policies { get; set; } = new();
    [JsonPropertyName("targets")] public ResiliencyTargets Targets { get; set; } = new();
}

public sealed class ResiliencyPolicies
{
    [JsonPropertyName("timeouts")] public Dictionary<string, string>? Timeouts { get; set; }
    [JsonPropertyName("retries")] public Dictionary<string, RetryPolicy>? Retries { get; set; }
    [JsonPropertyName("circuitBreakers")] public Dictionary<string, CircuitBreakerPolicy>? CircuitBreakers { get; set; }
}

public sealed class RetryPolicy
{
    [JsonPropertyName("policy")] public string Policy { get; set; } = "";
    [JsonPropertyName("duration")] public string? Duration { get; set; }
    [JsonPropertyName("initialInterval")] public string? InitialInterval { get; set; }
    [JsonPropertyName("maxInterval")] public string? MaxInterval { get; set; }
    [JsonPropertyName("maxRetries")] public int? MaxRetries { get; set; }
    [JsonPropertyName("matching")] public Dictionary<string, string>? Matching { get; set; }
}

public sealed class CircuitBreakerPolicy
{
    [JsonPropertyName("maxRequests")] public int? MaxRequests { get; set; }
    [JsonPropertyName("interval")] public string? Interval { get; set; }
    [JsonPropertyName("timeout")] public string? Timeout { get; set; }
    [JsonPropertyName("trip")] public string? Trip { get; set; }
}

public sealed class ResiliencyTargets
{
    [JsonPropertyName("apps")] public Dictionary<string, ResiliencyTargetPolicies>? Apps { get; set; }
    [JsonPropertyName("actors")] public Dictionary<string, ResiliencyTargetPolicies>? Actors { get; set; }
    [JsonPropertyName("components")] public Dictionary<string, ComponentTarget>? Components { get; set; }
}

public sealed class ComponentTarget
{
    [JsonPropertyName("inbound")] public ResiliencyTargetPolicies? Inbound { get; set; }
    [JsonPropertyName("outbound")] public ResiliencyTargetPolicies? Outbound { get; set; }
}

public sealed class ResiliencyTargetPolicies
{
    [JsonPropertyName("timeout")] public string? Timeout { get; set; }
    [JsonPropertyName("retry")] public string? Retry { get; set; }
    [JsonPropertyName("circuitBreaker")] public string? CircuitBreaker { get; set; }
}

public sealed class DaprConfiguration : IKubernetesObject<V1ObjectMeta>
{
    public const string Key = "dapr.io/v1alpha1/Configuration";
    [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();
    [JsonPropertyName("spec")] public ConfigurationSpec Spec { get; set; } = new();
}

public sealed class ConfigurationSpec
{
    [JsonPropertyName("tracing")] public TracingSpec? Tracing { get; set; }
    [JsonPropertyName("metric")] public MetricSpec? Metric { get; set; }
    [JsonPropertyName("accessControl")] public AccessControlSpec? AccessControl { get; set; }
    [JsonPropertyName("secrets")] public SecretsSpec? Secrets { get; set; }
}

public sealed class TracingSpec
{
    [JsonPropertyName("samplingRate")] public string SamplingRate { get; set; } = "";
    [JsonPropertyName("stdout")] public bool? Stdout { get; set; }
}

public sealed class MetricSpec
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
}

public sealed class AccessControlSpec
{
    [JsonPropertyName("defaultAction")] public string DefaultAction { get; set; } = "";
    [JsonPropertyName("trustDomain")] public string? TrustDomain { get; set; }
}

public sealed class SecretsSpec
{
    [JsonPropertyName("scopes")] public List<SecretScope> Scopes { get; set; } = [];
}

public sealed class SecretScope
{
    [JsonPropertyName("storeName")] public string StoreName { get; set; } = "";
    [JsonPropertyName("defaultAccess")] public string? DefaultAccess { get; set; }
    [JsonPropertyName("allowedSecrets")] public List<string>? AllowedSecrets { get; set; }
    [JsonPropertyName("deniedSecrets")] public List<string>? DeniedSecrets { get; set; }
}
