namespace Gazette.Text.Languages;

/// <summary>
/// Stop-word lists per language, lower-case, for <see cref="LanguageRegistry"/>: keyphrase candidates never start or
/// end with one (nor are one). Besides function words, the French and English
/// lists hold the commonest auxiliary and reporting verb forms and adverbs, because a tag must never be one.
/// </summary>
public static class StopWords
{
    public static readonly IReadOnlySet<string> French = Set("""
        a à ai aie aient aies ait alors as au aucun aucune aujourd'hui auprès auquel aura aurai auraient aurais
        aurait auras aurez auriez aurions aurons auront aussi autant autre autres aux auxquelles auxquels avaient
        avais avait avant avec avez aviez avions avoir avons ayant ayez ayons bien c ça car ce ceci cela celle
        celles celui cependant certaines certains ces cet cette ceux chacun chaque chez ci comme comment contre
        d dans de déjà depuis des dès desquelles desquels dessous dessus deux donc dont du duquel durant elle
        elles en encore entre es est et étaient étais était étant été êtes étiez étions être eu eue eues eûmes
        eurent eus eusse eut eux fait faire fais faisait fera feront fois font furent fut fûmes hors ici il ils
        j je jusqu jusque l la là laquelle le lequel les lesquelles lesquels leur leurs lors lorsqu lorsque lui
        m ma mais me même mêmes mes moi moins mon n ne ni non nos notre nous on ont ou où par parce parmi pas
        pendant peu peut peuvent plus plusieurs pour pourquoi pourrait pourraient puis puisqu puisque qu quand
        que quel quelle quelles quels qui quoi quoiqu s sa sans se selon ses seulement si sien sinon soi soit
        son sont sous suis sur t ta tandis tant te tes toi ton tous tout toute toutes très trop tu un une unes
        uns vers via voici voilà vos votre vous y
        afin ainsi après assez beaucoup celui-ci celle-ci cependant contre-ci désormais davantage dernier dernière
        derniers dernières enfin environ hier demain lequel notamment néanmoins outre pourtant presque quelque
        quelques quiconque surtout tel telle tels telles toujours toutefois vraiment
        dit dire dits déclaré affirmé ajouté annoncé expliqué indiqué précisé estimé selon souligné rappelé
        doit doivent devait devaient devrait devraient pu peut-être faut fallait semble sera seront serait
        seraient étaient avoir être aller va vont allait fut veut veulent voulait voudrait peux pouvait pourra
        dois devra faudra a-t-il a-t-elle est-ce n'est c'est qu'il qu'elle
        un deux trois quatre cinq six sept huit neuf dix cent mille
        lundi mardi mercredi jeudi vendredi samedi dimanche
        janvier février mars avril mai juin juillet août septembre octobre novembre décembre
        """);

    public static readonly IReadOnlySet<string> English = Set("""
        a about above after again against all also am an and any are aren't as at be because been before being
        below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
        during each either few for from further had hadn't has hasn't have haven't having he he'd he'll he's her
        here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it
        it's its itself just let's me more most mustn't my myself no nor not now of off on once only or other
        ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
        than that that's the their theirs them themselves then there there's these they they'd they'll they're
        they've this those through to too under until up upon very was wasn't we we'd we'll we're we've were
        weren't what what's when when's where where's which while who who's whom whose why why's will with
        within without won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
        s t ll d re ve m
        according across actually almost along already although always among another anyone anything around
        away back became become becomes behind besides beyond cannot could despite done else elsewhere enough
        even ever every everyone everything far first get gets getting given goes going gone got great however
        instead last later least less like likely made make makes making many may maybe might much must near
        nearly need never new next nothing often old one others perhaps put quite rather really said say saying
        says see seem seemed seems several since still take taken takes told toward towards two three four five
        six seven eight nine ten hundred thousand us use used using via want wanted way well went whether will
        yes yesterday today tomorrow year years week weeks day days time times thing things lot lots per
        added asked called came come comes continued did expected gave give given keep kept know known left let
        look looked mr mrs ms noted reported show showed shown tell thought told tried try went wrote
        former latest recent top senior major key big small high low early late
        monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat
        met seen saw took found felt held brought bought sent spent paid began begun knew became stood heard meant
        sought chose chosen spoke spoken wore worn ate eaten drew drawn threw thrown grew grown
        january february march april june july august september october november december
        """);

    public static readonly IReadOnlySet<string> Dutch = Set("""
        aan al alle als alles andere ben bij binnen daar dan dat de der deze die dit doch doen door dus een
        eens en er ge geen geweest had hadden heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja
        je jij jou jouw kan kon konden kunnen lang later maar me meer men met mij mijn moet moeten na naar niet
        niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor
        want waren was wat we wel werd werden wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder
        zou zouden zullen
        """);

    public static readonly IReadOnlySet<string> German = Set("""
        aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin bis
        bist da damit dann das dass dazu dem den denn der des dich die dies diese diesem diesen dieser dieses
        dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer für gegen gewesen hab
        habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ins
        ist ja jede jedem jeden jeder jetzt kann kein keine können könnte man manche mehr mein meine mich mir
        mit muss musste nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner
        sich sie sind so soll sollte sondern über um und uns unser unter viel vom von vor wann war waren warum
        was weil wenn wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwischen
        """);

    public static readonly IReadOnlySet<string> Spanish = Set("""
        a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el él ella
        ellas ellos en entre era eran es esa esas ese eso esos esta está están estas este esto estos fue
        fueron ha han hasta hay la las le les lo los más me mi mientras muy nada ni no nos nosotros o otra
        otras otro otros para pero poco por porque que qué quien se sea según ser si sí sido sin sobre son
        su sus también tanto te tiene tienen todo todos tu tus un una uno unos usted y ya yo
        """);

    public static readonly IReadOnlySet<string> Italian = Set("""
        a ad al alla alle agli ai all anche avere aveva c che chi ci come con contro cui da dal dalla dalle
        dai degli dei del della delle dello di dopo dove e è ed era erano essere fa fino gli ha hanno i il
        in io l la le lei lo loro lui ma mi molto ne nei nel nella nelle nello noi non nostro o ogni per
        perché più poi può quale quando quello questa questo qui se sé sei senza si sia siamo sono su sua
        sue sui sul sulla suo suoi tra tu tutti tutto un una uno voi
        """);

    /// <summary>A Lucene stop set (a search analyzer's) with more words, for a language whose tag list starts from it.</summary>
    public static IReadOnlySet<string> From(IEnumerable<string> luceneStopSet, string more) =>
        luceneStopSet.Concat(Set(more)).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Set(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
