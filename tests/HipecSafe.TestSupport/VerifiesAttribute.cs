using Xunit.Abstractions;
using Xunit.Sdk;

namespace HipecSafe.TestSupport;

/// <summary>
/// Names the requirement(s) a test verifies. `hipecsafe trace --check` reads these from the test sources, and xunit
/// sees them as the trait "Requirement", so `dotnet test --filter Requirement=SRS-PH-001` runs one requirement's tests.
/// </summary>
[TraitDiscoverer("HipecSafe.TestSupport.VerifiesTraitDiscoverer", "HipecSafe.TestSupport")]
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class VerifiesAttribute : Attribute, ITraitAttribute
{
    public VerifiesAttribute(params string[] requirementIds) => RequirementIds = requirementIds;

    public IReadOnlyList<string> RequirementIds { get; }
}

/// <summary>Turns <see cref="VerifiesAttribute"/> into xunit traits.</summary>
public sealed class VerifiesTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        ArgumentNullException.ThrowIfNull(traitAttribute);
        var ids = traitAttribute.GetConstructorArguments().FirstOrDefault() as IEnumerable<string> ?? [];
        return ids.Select(id => new KeyValuePair<string, string>("Requirement", id));
    }
}
