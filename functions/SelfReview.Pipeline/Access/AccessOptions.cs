using System.ComponentModel.DataAnnotations;

namespace SelfReview.Pipeline.Access;

/// <summary>Who may call, and how sign-in behaves. Bound to the <c>Access</c> configuration section.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>
    /// Believe the <c>X-MS-CLIENT-PRINCIPAL</c> header: only behind App Service authentication, which removes
    /// the header from incoming requests and sets it itself. The Functions app also turns this on when the
    /// platform says authentication is on (<c>WEBSITE_AUTH_ENABLED</c>); never on serve.
    /// </summary>
    public bool TrustClientPrincipalHeader { get; set; }

    /// <summary>The app role (Entra ID) of administrators: every unit and the access map.</summary>
    [Required]
    public string AdministratorRole { get; set; } = "SelfReview.Admin";

    /// <summary>The app role of systems that only read (pull lists): caps every right at read.</summary>
    [Required]
    public string ReaderRole { get; set; } = "SelfReview.Read";

    /// <summary>Failed password sign-ins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a password session lasts without use.</summary>
    [Range(5, 7 * 24 * 60)]
    public int SessionMinutes { get; set; } = 8 * 60;
}
