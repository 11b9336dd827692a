using Lapor.Domain.Categories;

namespace Lapor.Domain.Tests.Categories;

public sealed class CategoryTests
{
    [Fact]
    public void ACategory_PointsAtItsDefaultAgency_AndCanBeRepointed()
    {
        var category = Category.Create("air-bersih", "Air bersih", "puprkim");

        category.ChangeDefaultAgency("kab-badung");

        Assert.Equal("kab-badung", category.DefaultAgencyCode);
        Assert.True(category.IsActive);
    }

    [Fact]
    public void ACategoryWithoutAnAgency_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Category.Create("air-bersih", "Air bersih", " "));
    }
}
