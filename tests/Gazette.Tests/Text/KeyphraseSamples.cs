namespace Gazette.Tests.Text;

/// <summary>Short stories written for these tests (not taken from any data set or page).</summary>
internal static class KeyphraseSamples
{
    public const string FrenchTitle = "L’Ukraine réclame des garanties de sécurité avant le sommet de Vilnius";

    public const string FrenchText = """
        Kiev demande des garanties de sécurité solides à ses alliés avant le sommet de l’OTAN à Vilnius.
        Le secrétaire général Jens Stoltenberg a reçu jeudi le ministre ukrainien des Affaires étrangères.
        Selon Jens Stoltenberg, le futur Conseil OTAN-Ukraine permettra d’organiser des consultations rapides
        en cas de crise. L’Ukraine espère que ces garanties de sécurité seront écrites noir sur blanc.
        Plusieurs pays d’Europe centrale soutiennent l’adhésion de l’Ukraine, d’autres restent prudents.
        Le Conseil OTAN-Ukraine se réunira pour la première fois à Vilnius, a précisé Stoltenberg.
        Les diplomates ukrainiens jugent qu’une adhésion rapide reste le meilleur moyen d’éviter une nouvelle guerre.
        """;

    public const string EnglishTitle = "City council approves new bicycle lanes after long debate";

    public const string EnglishText = """
        The city council voted on Tuesday to build twelve kilometres of protected bicycle lanes downtown.
        Mayor Helen Ortiz said the bicycle lanes would make the streets safer for children and older riders.
        Shop owners on Market Street worried that parking spaces would disappear, but the council promised
        new parking spaces near the central station. Construction of the bicycle lanes starts in spring.
        Helen Ortiz thanked the cycling association, whose petition gathered eight thousand signatures.
        """;
}
