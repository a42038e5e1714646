using Gazette.Text.Languages;

namespace Gazette.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Le conseil municipal a voté le budget de la ville pour l’année prochaine.", "fr")]
    [InlineData("Les élèves sont rentrés à l'école ce matin.", "fr")]
    [InlineData("The city council approved the budget for next year.", "en")]
    [InlineData("Rain is expected in the north of the country this weekend.", "en")]
    [InlineData("De gemeenteraad heeft de begroting voor volgend jaar goedgekeurd.", "nl")]
    [InlineData("Het regent vandaag in het noorden van het land.", "nl")]
    [InlineData("Der Stadtrat hat den Haushalt für das nächste Jahr beschlossen.", "de")]
    [InlineData("Die Kinder sind heute wieder in die Schule gegangen.", "de")]
    [InlineData("El ayuntamiento aprobó el presupuesto de la ciudad para el próximo año.", "es")]
    [InlineData("Los niños volvieron a la escuela esta mañana.", "es")]
    [InlineData("Il consiglio comunale ha approvato il bilancio della città per il prossimo anno.", "it")]
    [InlineData("I bambini sono tornati a scuola questa mattina.", "it")]
    public void Detects_the_language_of_a_short_text(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345 !!!")]
    public void Says_nothing_when_nothing_tells(string text) =>
        Assert.Null(LanguageDetector.Detect(text));
}
