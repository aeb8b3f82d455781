using Equipment.BuildingBlocks.Contracts.Api;
using Refit;

namespace Equipment.ApiClient;

/// <summary>The gateway's local sign-in.</summary>
public interface IAuthApi
{
    /// <summary><paramref name="forwardedFor"/>: the browser's address when signing in on its behalf (the gateway limits sign-ins per address).</summary>
    [Post("/api/auth/token")]
    Task<TokenResponse> IssueTokenAsync([Body] TokenRequest request, [Header("X-Forwarded-For")] string? forwardedFor = null, CancellationToken cancellationToken = default);
}
