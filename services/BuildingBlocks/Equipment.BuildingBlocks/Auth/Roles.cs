using System.Security.Claims;
using Equipment.BuildingBlocks.Contracts;
using Microsoft.AspNetCore.Http;

namespace Equipment.BuildingBlocks.Auth;

public static class Policies
{
    /// <summary>Any of the five roles: required on every <c>/api</c> endpoint.</summary>
    public const string AnyRole = nameof(AnyRole);
}

public static class EquipmentClaims
{
    public const string Role = "role";
    public const string Name = "name";
    public const string Subject = "sub";
    /// <summary>The donor a DonorMonitor belongs to (the donor's code).</summary>
    public const string Donor = "donor";
    /// <summary>The user's language (OIDC's standard <c>locale</c> claim, BCP 47: "fr", "ar-TN"), which the portal starts a session in.</summary>
    public const string Locale = "locale";
}

/// <summary>The caller, as the services need it: who, which roles, and for a monitor which donor.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Name => Principal.FindFirstValue(EquipmentClaims.Name) ?? Principal.FindFirstValue(EquipmentClaims.Subject) ?? "system";
    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>Matches no donor: codes are <c>[A-Z0-9-]+</c>, and it holds no NUL, which PostgreSQL cannot compare.</summary>
    public const string NoDonor = "(no donor)";

    /// <summary>
    /// The donor whose data the caller is limited to: the token's donor for a DonorMonitor, null for staff who see all.
    /// A monitor token without a donor sees nothing.
    /// </summary>
    public string? DonorScope =>
        IsInRole(Roles.DonorMonitor) && !IsInRole(Roles.Administrator)
            ? Principal.FindFirstValue(EquipmentClaims.Donor) ?? NoDonor
            : null;
}
