namespace Gazette.Demo.Generator;

/// <summary>One subject a generated story can be about, in one language: its tags, nouns and sentence patterns.</summary>
/// <param name="Section">The slug of the section it goes in.</param>
/// <param name="Headlines">Patterns with {place}, {person}, {noun}, {number}, {day}.</param>
public sealed record Topic(string Section, string[] Tags, string[] Nouns, string[] Headlines, string[] Sentences);

/// <summary>
/// The words a generated story is made of, per language: our own patterns and vocabulary (no text from any data
/// set), enough to give lists, search, tags and related stories something plausible to work on.
/// </summary>
public sealed record PhraseBook(string Language, string AuthorName, string[] Days, string[] People, string[] Standfirsts,
    string[] CommonSentences, Topic[] Topics)
{
    /// <summary>Invented places, shared by every language.</summary>
    public static readonly string[] Places = ["Villemont", "Port-Aurel", "Brévine", "Kessel", "Saint-Orgel", "Marlenbeek", "Altavilla", "Roscastel", "Lindau-Nord", "Valmora"];

    public static readonly (string Slug, string Name)[] Sections =
        [("transport", "Transport"), ("economy", "Economy"), ("culture", "Culture"), ("environment", "Environment"), ("sport", "Sport")];

    public static readonly IReadOnlyList<PhraseBook> All = [French, English, Dutch, German, Spanish, Italian];

    private static PhraseBook French => new("fr", "Mathilde Garnier",
        ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        ["Claire Vasseur", "Henri Lemoine", "Sophie Delorme", "Karim Benali", "Anne Rivière", "Luc Fontaine"],
        ["Ce qu’il faut retenir de la décision prise {day} à {place}.", "À {place}, le dossier avance plus lentement que prévu.", "Les habitants de {place} attendent des réponses concrètes."],
        ["« Nous avons besoin de temps », a déclaré {person}.", "Le conseil municipal de {place} se réunira de nouveau {day}.", "Selon {person}, {number} familles sont concernées.", "Aucune date n’a encore été fixée."],
        [
            new("transport", ["ligne ferroviaire", "gare de {place}", "transports en commun"], ["la ligne ferroviaire", "le nouveau bus", "la gare", "le pont"],
                ["La ligne ferroviaire de {place} fermée pendant {number} semaines", "{place} : le nouveau bus arrive {day}"],
                ["Les travaux sur {noun} doivent durer {number} semaines.", "Les voyageurs de {place} devront emprunter des bus de remplacement.", "La région finance {number} % du chantier de {noun}."]),
            new("economy", ["emploi", "port de {place}", "budget municipal"], ["l’usine", "le port", "le marché", "la coopérative"],
                ["{place} : {number} emplois menacés à l’usine", "Le port de {place} investit dans de nouveaux quais"],
                ["{noun} emploie {number} salariés à {place}.", "Les syndicats demandent un plan de reprise pour {noun}.", "Le chiffre d’affaires de {noun} a reculé de {number} %."]),
            new("culture", ["festival de {place}", "musée", "concert"], ["le festival", "le musée", "le théâtre", "la médiathèque"],
                ["Le festival de {place} accueille {number} artistes", "{place} rouvre son musée après travaux"],
                ["{noun} attend {number} visiteurs cette saison.", "La programmation de {noun} mêle artistes locaux et invités étrangers.", "L’entrée de {noun} sera gratuite {day}."]),
            new("environment", ["crue de la Sorle", "qualité de l’eau", "énergie éolienne"], ["la rivière", "le parc éolien", "la forêt", "la digue"],
                ["Crue : {place} renforce la digue", "Le parc éolien de {place} produira {number} mégawatts"],
                ["Les relevés montrent une hausse de {number} centimètres du niveau de {noun}.", "Les associations s’inquiètent pour {noun}.", "{noun} couvrira les besoins de {number} foyers."]),
            new("sport", ["football", "cyclisme", "stade de {place}"], ["le stade", "le club", "la course", "la piscine"],
                ["Football : {place} s’impose {number} à 1", "La course cycliste de {place} réunit {number} coureurs"],
                ["{noun} de {place} compte désormais {number} licenciés.", "L’entraîneur a salué l’engagement de ses joueurs.", "La rénovation de {noun} coûtera {number} millions d’euros."]),
        ]);

    private static PhraseBook English => new("en", "Daniel Hartley",
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["Oliver Penrose", "Margaret Hale", "Tom Ashworth", "Priya Nair", "Sarah Whitlock", "James Calder"],
        ["What the decision taken on {day} means for {place}.", "In {place}, the plan is moving more slowly than promised.", "Residents of {place} want clear answers."],
        ["\"We need more time,\" said {person}.", "The {place} council will meet again on {day}.", "According to {person}, {number} households are affected.", "No date has been set yet."],
        [
            new("transport", ["railway line", "{place} station", "public transport"], ["the railway line", "the new bus service", "the station", "the bridge"],
                ["{place} railway line to close for {number} weeks", "New bus service for {place} starts on {day}"],
                ["Work on {noun} is expected to last {number} weeks.", "Passengers from {place} will use replacement buses.", "The region pays {number} per cent of the cost of {noun}."]),
            new("economy", ["jobs", "{place} harbour", "council budget"], ["the factory", "the harbour", "the market", "the cooperative"],
                ["{number} jobs at risk at {place} factory", "{place} harbour invests in new quays"],
                ["{noun} employs {number} people in {place}.", "Unions are asking for a rescue plan for {noun}.", "Turnover at {noun} fell by {number} per cent."]),
            new("culture", ["{place} festival", "museum", "concert"], ["the festival", "the museum", "the theatre", "the library"],
                ["{place} festival welcomes {number} artists", "{place} museum reopens after repairs"],
                ["{noun} expects {number} visitors this season.", "The programme of {noun} mixes local artists and guests from abroad.", "Entry to {noun} will be free on {day}."]),
            new("environment", ["Sorle floods", "water quality", "wind power"], ["the river", "the wind farm", "the forest", "the flood wall"],
                ["Floods: {place} strengthens its flood wall", "{place} wind farm to produce {number} megawatts"],
                ["Readings show the level of {noun} up by {number} centimetres.", "Local groups are worried about {noun}.", "{noun} will supply {number} homes."]),
            new("sport", ["football", "cycling", "{place} stadium"], ["the stadium", "the club", "the race", "the swimming pool"],
                ["Football: {place} win {number}-1", "{place} cycle race draws {number} riders"],
                ["{noun} in {place} now has {number} members.", "The coach praised the commitment of his players.", "Rebuilding {noun} will cost {number} million euros."]),
        ]);

    private static PhraseBook Dutch => new("nl", "Pieter van Dongen",
        ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        ["Els Vermeulen", "Joris de Wit", "Marieke Jansen", "Bram Peeters", "Lotte Smit", "Koen Willems"],
        ["Wat het besluit van {day} betekent voor {place}.", "In {place} gaat het plan trager dan beloofd.", "Bewoners van {place} willen duidelijke antwoorden."],
        ["\"We hebben meer tijd nodig\", zei {person}.", "De gemeenteraad van {place} komt {day} opnieuw bijeen.", "Volgens {person} gaat het om {number} gezinnen.", "Er is nog geen datum vastgesteld."],
        [
            new("transport", ["spoorlijn", "station {place}", "openbaar vervoer"], ["de spoorlijn", "de nieuwe buslijn", "het station", "de brug"],
                ["Spoorlijn {place} {number} weken dicht", "Nieuwe buslijn in {place} rijdt vanaf {day}"],
                ["De werken aan {noun} duren naar verwachting {number} weken.", "Reizigers uit {place} nemen vervangende bussen.", "De regio betaalt {number} procent van {noun}."]),
            new("economy", ["werkgelegenheid", "haven van {place}", "gemeentebegroting"], ["de fabriek", "de haven", "de markt", "de coöperatie"],
                ["{number} banen bedreigd bij fabriek in {place}", "Haven van {place} investeert in nieuwe kades"],
                ["{noun} heeft {number} werknemers in {place}.", "De vakbonden vragen een reddingsplan voor {noun}.", "De omzet van {noun} daalde met {number} procent."]),
            new("culture", ["festival {place}", "museum", "concert"], ["het festival", "het museum", "de schouwburg", "de bibliotheek"],
                ["Festival in {place} verwelkomt {number} artiesten", "Museum van {place} weer open na verbouwing"],
                ["{noun} verwacht {number} bezoekers dit seizoen.", "Het programma van {noun} mengt lokale artiesten en buitenlandse gasten.", "De toegang tot {noun} is {day} gratis."]),
            new("environment", ["overstroming", "waterkwaliteit", "windenergie"], ["de rivier", "het windpark", "het bos", "de dijk"],
                ["Hoogwater: {place} versterkt de dijk", "Windpark {place} levert {number} megawatt"],
                ["Metingen tonen dat {noun} {number} centimeter is gestegen.", "Natuurverenigingen maken zich zorgen over {noun}.", "{noun} levert stroom aan {number} huishoudens."]),
            new("sport", ["voetbal", "wielrennen", "stadion {place}"], ["het stadion", "de club", "de wedstrijd", "het zwembad"],
                ["Voetbal: {place} wint met {number}-1", "Wielerkoers in {place} trekt {number} renners"],
                ["{noun} in {place} telt nu {number} leden.", "De trainer prees de inzet van zijn spelers.", "De renovatie van {noun} kost {number} miljoen euro."]),
        ]);

    private static PhraseBook German => new("de", "Katrin Albrecht",
        ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        ["Jonas Becker", "Anna Hoffmann", "Lukas Schreiber", "Miriam Vogel", "Felix Brandt", "Sabine Krüger"],
        ["Was die Entscheidung vom {day} für {place} bedeutet.", "In {place} kommt das Vorhaben langsamer voran als versprochen.", "Die Menschen in {place} wollen klare Antworten."],
        ["„Wir brauchen mehr Zeit“, sagte {person}.", "Der Gemeinderat von {place} tagt am {day} erneut.", "Nach Angaben von {person} sind {number} Haushalte betroffen.", "Ein Termin steht noch nicht fest."],
        [
            new("transport", ["Bahnstrecke", "Bahnhof {place}", "Nahverkehr"], ["die Bahnstrecke", "die neue Buslinie", "der Bahnhof", "die Brücke"],
                ["Bahnstrecke nach {place} {number} Wochen gesperrt", "Neue Buslinie in {place} startet am {day}"],
                ["Die Arbeiten an {noun} dauern voraussichtlich {number} Wochen.", "Fahrgäste aus {place} nutzen Ersatzbusse.", "Die Region trägt {number} Prozent der Kosten."]),
            new("economy", ["Arbeitsplätze", "Hafen {place}", "Gemeindehaushalt"], ["die Fabrik", "der Hafen", "der Markt", "die Genossenschaft"],
                ["{number} Arbeitsplätze in {place} bedroht", "Hafen {place} investiert in neue Kais"],
                ["{noun} beschäftigt {number} Menschen in {place}.", "Die Gewerkschaften fordern einen Rettungsplan.", "Der Umsatz ging um {number} Prozent zurück."]),
            new("culture", ["Festival {place}", "Museum", "Konzert"], ["das Festival", "das Museum", "das Theater", "die Bibliothek"],
                ["Festival in {place} begrüßt {number} Künstler", "Museum in {place} nach Umbau wieder geöffnet"],
                ["{noun} erwartet in dieser Saison {number} Besucher.", "Das Programm mischt einheimische Künstler und Gäste aus dem Ausland.", "Der Eintritt ist am {day} frei."]),
            new("environment", ["Hochwasser", "Wasserqualität", "Windkraft"], ["der Fluss", "der Windpark", "der Wald", "der Deich"],
                ["Hochwasser: {place} verstärkt den Deich", "Windpark {place} soll {number} Megawatt liefern"],
                ["Messungen zeigen einen Anstieg um {number} Zentimeter.", "Umweltverbände sorgen sich um {noun}.", "{noun} versorgt {number} Haushalte mit Strom."]),
            new("sport", ["Fußball", "Radsport", "Stadion {place}"], ["das Stadion", "der Verein", "das Rennen", "das Schwimmbad"],
                ["Fußball: {place} gewinnt {number}:1", "Radrennen in {place} mit {number} Fahrern"],
                ["{noun} in {place} zählt jetzt {number} Mitglieder.", "Der Trainer lobte den Einsatz seiner Spieler.", "Die Sanierung kostet {number} Millionen Euro."]),
        ]);

    private static PhraseBook Spanish => new("es", "Lucía Ferrer",
        ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        ["Carmen Ortega", "Javier Molina", "Elena Ruiz", "Pablo Serrano", "Marta Gil", "Andrés Vidal"],
        ["Qué significa para {place} la decisión del {day}.", "En {place}, el proyecto avanza más despacio de lo prometido.", "Los vecinos de {place} piden respuestas claras."],
        ["«Necesitamos más tiempo», declaró {person}.", "El ayuntamiento de {place} volverá a reunirse el {day}.", "Según {person}, hay {number} familias afectadas.", "Todavía no hay fecha."],
        [
            new("transport", ["línea ferroviaria", "estación de {place}", "transporte público"], ["la línea ferroviaria", "el nuevo autobús", "la estación", "el puente"],
                ["La línea ferroviaria de {place}, cerrada {number} semanas", "El nuevo autobús de {place} empieza el {day}"],
                ["Las obras en {noun} durarán {number} semanas.", "Los viajeros de {place} usarán autobuses de sustitución.", "La región paga el {number} % de la obra."]),
            new("economy", ["empleo", "puerto de {place}", "presupuesto municipal"], ["la fábrica", "el puerto", "el mercado", "la cooperativa"],
                ["{number} empleos en peligro en la fábrica de {place}", "El puerto de {place} invierte en nuevos muelles"],
                ["{noun} emplea a {number} personas en {place}.", "Los sindicatos piden un plan de rescate.", "La facturación bajó un {number} %."]),
            new("culture", ["festival de {place}", "museo", "concierto"], ["el festival", "el museo", "el teatro", "la biblioteca"],
                ["El festival de {place} recibe a {number} artistas", "{place} reabre su museo tras las obras"],
                ["{noun} espera {number} visitantes esta temporada.", "El programa mezcla artistas locales e invitados extranjeros.", "La entrada será gratuita el {day}."]),
            new("environment", ["inundaciones", "calidad del agua", "energía eólica"], ["el río", "el parque eólico", "el bosque", "el dique"],
                ["Inundaciones: {place} refuerza el dique", "El parque eólico de {place} producirá {number} megavatios"],
                ["Las mediciones muestran una subida de {number} centímetros.", "Las asociaciones temen por {noun}.", "{noun} abastecerá a {number} hogares."]),
            new("sport", ["fútbol", "ciclismo", "estadio de {place}"], ["el estadio", "el club", "la carrera", "la piscina"],
                ["Fútbol: {place} gana {number} a 1", "La carrera ciclista de {place} reúne a {number} corredores"],
                ["{noun} de {place} cuenta ya con {number} socios.", "El entrenador elogió el esfuerzo de sus jugadores.", "La reforma costará {number} millones de euros."]),
        ]);

    private static PhraseBook Italian => new("it", "Giulia Marchetti",
        ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
        ["Marco Bellini", "Chiara Romano", "Luca Ferri", "Francesca Greco", "Davide Conti", "Sara Moretti"],
        ["Cosa significa per {place} la decisione di {day}.", "A {place} il progetto procede più lentamente del previsto.", "Gli abitanti di {place} chiedono risposte chiare."],
        ["«Abbiamo bisogno di tempo», ha detto {person}.", "Il consiglio comunale di {place} si riunirà di nuovo {day}.", "Secondo {person}, sono coinvolte {number} famiglie.", "Non è ancora stata fissata una data."],
        [
            new("transport", ["linea ferroviaria", "stazione di {place}", "trasporto pubblico"], ["la linea ferroviaria", "il nuovo autobus", "la stazione", "il ponte"],
                ["Linea ferroviaria di {place} chiusa per {number} settimane", "Il nuovo autobus di {place} parte {day}"],
                ["I lavori su {noun} dureranno {number} settimane.", "I viaggiatori di {place} useranno autobus sostitutivi.", "La regione paga il {number} per cento dell’opera."]),
            new("economy", ["lavoro", "porto di {place}", "bilancio comunale"], ["la fabbrica", "il porto", "il mercato", "la cooperativa"],
                ["{number} posti di lavoro a rischio a {place}", "Il porto di {place} investe in nuove banchine"],
                ["{noun} impiega {number} persone a {place}.", "I sindacati chiedono un piano di salvataggio.", "Il fatturato è sceso del {number} per cento."]),
            new("culture", ["festival di {place}", "museo", "concerto"], ["il festival", "il museo", "il teatro", "la biblioteca"],
                ["Il festival di {place} accoglie {number} artisti", "{place} riapre il suo museo dopo i lavori"],
                ["{noun} attende {number} visitatori in questa stagione.", "Il programma unisce artisti locali e ospiti stranieri.", "L’ingresso sarà gratuito {day}."]),
            new("environment", ["alluvione", "qualità dell’acqua", "energia eolica"], ["il fiume", "il parco eolico", "il bosco", "l’argine"],
                ["Alluvione: {place} rafforza l’argine", "Il parco eolico di {place} produrrà {number} megawatt"],
                ["Le misure mostrano un aumento di {number} centimetri.", "Le associazioni sono preoccupate per {noun}.", "{noun} fornirà energia a {number} famiglie."]),
            new("sport", ["calcio", "ciclismo", "stadio di {place}"], ["lo stadio", "il club", "la corsa", "la piscina"],
                ["Calcio: {place} vince {number} a 1", "La corsa ciclistica di {place} riunisce {number} corridori"],
                ["{noun} di {place} conta ora {number} iscritti.", "L’allenatore ha lodato l’impegno dei suoi giocatori.", "La ristrutturazione costerà {number} milioni di euro."]),
        ]);
}
