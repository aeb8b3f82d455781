using Equipment.BuildingBlocks.Contracts;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Equipment.BuildingBlocks.Auth;

/// <summary>
/// <c>Auth</c> configuration. Local mode: tokens signed (HS256) with <see cref="SigningKey"/> or, when that is empty,
/// with a key generated once into <see cref="SigningKeyFile"/>. Production: set <see cref="Authority"/> to an OIDC
/// provider and the services validate its tokens from its discovery document instead.
/// </summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "equipment-local";
    public string Audience { get; set; } = "equipment";
    public string? SigningKey { get; set; }
    public string SigningKeyFile { get; set; } = "data/jwt-signing.key";
    public string? Authority { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public static AuthOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new AuthOptions();
        configuration.GetSection("Auth").Bind(options);
        return options;
    }
}

public static class JwtAuthentication
{
    public static IServiceCollection AddEquipmentAuthentication(this IServiceCollection services, AuthOptions options)
    {
        services.AddSingleton(options);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                RoleClaimType = EquipmentClaims.Role,
                NameClaimType = EquipmentClaims.Name,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (!string.IsNullOrEmpty(options.Authority))
            {
                jwt.Authority = options.Authority;                 // keys from the provider's discovery document
            }
            else
            {
                jwt.TokenValidationParameters.IssuerSigningKey = SigningKeys.Load(options);
            }
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.AnyRole, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        return services;
    }

    public static AuthorizationPolicy RequireRoles(params string[] roles) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(roles).Build();
}

public static class SigningKeys
{
    /// <summary>The configured key, or the one kept in the key file, generated (256 random bits) the first time.</summary>
    public static SymmetricSecurityKey Load(AuthOptions options)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
            return new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));

        var path = Path.GetFullPath(options.SigningKeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temporary, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temporary); } // another process wrote it first: use theirs
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}

/// <summary>Issues the local-mode tokens (used by the gateway's token endpoint and by tests).</summary>
public sealed class TokenIssuer(AuthOptions options)
{
    private readonly SigningCredentials _credentials = new(SigningKeys.Load(options), SecurityAlgorithms.HmacSha256);

    public TimeSpan Lifetime => options.TokenLifetime;

    public string Issue(string username, string role, string? donor, string? locale = null)
    {
        var claims = new Dictionary<string, object>
        {
            [EquipmentClaims.Subject] = username,
            [EquipmentClaims.Name] = username,
            [EquipmentClaims.Role] = role,
        };
        if (donor is not null) claims[EquipmentClaims.Donor] = donor;
        if (locale is not null) claims[EquipmentClaims.Locale] = locale;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            Expires = DateTime.UtcNow + options.TokenLifetime,
            SigningCredentials = _credentials,
        });
    }
}
