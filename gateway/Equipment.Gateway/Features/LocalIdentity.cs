using System.Security.Cryptography;
using System.Text;
using Equipment.BuildingBlocks.Auth;
using Equipment.BuildingBlocks.Contracts.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Equipment.Gateway.Features;

/// <summary>
/// The embedded default's identity provider: users from configuration with PBKDF2-SHA256 password hashes, and
/// <c>POST /api/auth/token</c>. Production turns it off (<c>LocalIdentity:Enabled=false</c>) and points
/// <c>Auth:Authority</c> at an OIDC provider.
/// </summary>
public sealed class LocalIdentityOptions
{
    public bool Enabled { get; set; }
    public List<LocalUser> Users { get; set; } = [];
}

public sealed class LocalUser
{
    public string Username { get; set; } = "";
    /// <summary><c>pbkdf2-sha256${iterations}${salt base64}${hash base64}</c>; never the password itself.</summary>
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Donor { get; set; }
    /// <summary>The user's language ("fr", "ar"), sent as the token's <c>locale</c> claim, as an OIDC provider sends its users' profile language.</summary>
    public string? Locale { get; set; }
}

public static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";

    public static string Create(string password, int iterations = 100_000)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}

public static class IssueToken
{
    /// <summary>A hash to verify against when the user does not exist, so that the answer takes as long either way.</summary>
    private static readonly string DummyHash = PasswordHash.Create(Guid.NewGuid().ToString());

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/auth/token", Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult> (
                TokenRequest request, LocalIdentityOptions identity, TokenIssuer issuer, ILoggerFactory loggers) =>
            {
                var logger = loggers.CreateLogger("Equipment.Gateway.SignIn");
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(request.Username)) errors["username"] = ["'username' must not be empty."];
                if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["'password' must not be empty."];
                if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The request is not valid");

                var user = identity.Users.FirstOrDefault(u => string.Equals(u.Username, request.Username, StringComparison.OrdinalIgnoreCase));
                var valid = PasswordHash.Verify(request.Password!, user?.PasswordHash ?? DummyHash) && user is not null;
                if (!valid)
                {
                    logger.LogWarning("Failed sign-in for {Username}", request.Username);
                    return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                        detail: "The username or password is not right.");
                }

                logger.LogInformation("Issued a token to {Username} ({Role})", user!.Username, user.Role);
                var token = issuer.Issue(user.Username, user.Role, user.Donor, user.Locale);
                return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)issuer.Lifetime.TotalSeconds));
            })
            .AllowAnonymous()
            .RequireRateLimiting("token")
            .WithName("IssueToken");
    }
}
