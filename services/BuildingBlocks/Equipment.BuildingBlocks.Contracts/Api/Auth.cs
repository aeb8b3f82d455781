using System.Text.Json.Serialization;

namespace Equipment.BuildingBlocks.Contracts.Api;

/// <summary><c>POST /api/auth/token</c> at the gateway (local mode): the user's name and password.</summary>
public sealed record TokenRequest(string? Username, string? Password);

/// <summary>The gateway's bearer token, in OAuth's snake_case.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
