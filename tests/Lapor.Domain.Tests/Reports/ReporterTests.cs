using Lapor.Domain.Reports;

namespace Lapor.Domain.Tests.Reports;

public sealed class ReporterTests
{
    [Fact]
    public void GuestWithoutEmailOrPhone_IsAskedForOne()
    {
        var result = Reporter.Guest("Ni Luh Sari", " ", null);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ("Contact", "Isi email atau nomor telepon agar kami dapat menghubungi Anda."),
            Assert.Single(result.Errors).Written());
    }

    [Fact]
    public void GuestWithOnlyAPhone_IsAccepted()
    {
        var result = Reporter.Guest("Ni Luh Sari", null, "081234567890");

        Assert.True(result.Succeeded);
        Assert.True(result.Value.IsGuest);
        Assert.Null(result.Value.Email);
    }

    [Fact]
    public void GuestWithoutName_IsAskedForIt()
    {
        var result = Reporter.Guest("  ", "sari@example.com", null);

        Assert.Equal(("Name", "Nama wajib diisi."), Assert.Single(result.Errors).Written());
    }

    [Theory]
    [InlineData("sari@")]
    [InlineData("sari.example.com")]
    [InlineData("sari @example.com")]
    [InlineData("sari@example,com")]
    [InlineData("sari@@example.com")]
    [InlineData("sari@example")]
    [InlineData("sari..luh@example.com")]
    [InlineData("sari@-example.com")]
    public void GuestWithAMistypedEmail_IsToldItIsNotValid(string email)
    {
        var result = Reporter.Guest("Ni Luh Sari", email, null);

        Assert.Equal(("Email", "Email tidak valid."), Assert.Single(result.Errors).Written());
    }

    [Fact]
    public void GuestEmail_KeepsTheMailboxAndLowersTheDomain()
    {
        var reporter = Reporter.Guest("Ni Luh Sari", " Luh.Sari+lapor@Example.CO.ID ", null).Value!;

        Assert.Equal("Luh.Sari+lapor@example.co.id", reporter.Email);
    }

    [Theory]
    [InlineData("0812-3456-7890")]
    [InlineData("081234567890")]
    [InlineData("+62 812 3456 7890")]
    [InlineData("+62 (0)812 3456 7890")]
    [InlineData("62812.3456.7890")]
    [InlineData("(0812) 3456 7890")]
    public void GuestPhone_IsStoredInOneFormHoweverItWasWritten(string phone)
    {
        var reporter = Reporter.Guest("Ni Luh Sari", null, phone).Value!;

        Assert.Equal("+6281234567890", reporter.Phone);
    }

    [Fact]
    public void GuestPhone_MayBeALandlineWithItsAreaCode()
    {
        var reporter = Reporter.Guest("Ni Luh Sari", null, "(0361) 222333").Value!;

        Assert.Equal("+62361222333", reporter.Phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0812")]
    [InlineData("+1 555 123 4567")]
    [InlineData("0812-ABCD-7890")]
    [InlineData("00812345678")]
    [InlineData("0812345678901234")]
    [InlineData("+0812 3456 7890")]
    public void GuestWithAMistypedPhone_IsShownAnExample(string phone)
    {
        var result = Reporter.Guest("Ni Luh Sari", null, phone);

        Assert.Equal(
            ("Phone", "Nomor telepon tidak valid. Contoh: 0812 3456 7890 atau +62 812 3456 7890."),
            Assert.Single(result.Errors).Written());
    }

    [Fact]
    public void GuestNameWithMarkup_IsRefused()
    {
        var result = Reporter.Guest("<script>alert(1)</script>", "sari@example.com", null);

        Assert.Equal(("Name", "Nama tidak boleh berisi tag HTML atau kode skrip."), Assert.Single(result.Errors).Written());
    }

    [Fact]
    public void GuestErrors_CanBeInEnglish()
    {
        var result = Reporter.Guest("", "", "");

        Assert.Equal(
            ["Name is required.", "Give an email address or a phone number so that we can reach you."],
            result.Errors.Select(e => e.Written("en").Text));
    }

    [Fact]
    public void Account_KeepsTheUserIdAndDisplayName()
    {
        var reporter = Reporter.Account("user-42", " Ketut Arya ");

        Assert.False(reporter.IsGuest);
        Assert.Equal("user-42", reporter.UserId);
        Assert.Equal("Ketut Arya", reporter.Name);
    }

    [Fact]
    public void Account_WithoutUserId_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Reporter.Account(" ", "Ketut Arya"));
    }
}
