using System.Collections.Frozen;

namespace Gazette.Text;

/// <summary>
/// Latin spellings of Arabic, Cyrillic and Greek letters for URL slugs: one fixed table, no ICU, so a slug is the same
/// on every machine and every .NET version. It is a readable key, not a scholarly romanization:
/// <list type="bullet">
/// <item>Arabic: one spelling per letter in the common simplified (ALA-LC-like, without dots or macrons) style; short
/// vowels are not written in Arabic, so none appear (<c>المدرسة</c> gives <c>almdrsa</c>); hamza and ʿayn, which that style
/// marks with apostrophes, are dropped like apostrophes; tāʾ marbūṭa is <c>a</c>; Persian and Urdu letters are included;
/// Arabic-Indic digits become 0-9. Letters with hamza or madda arrive here already split (the mark is dropped).</item>
/// <item>Cyrillic: Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian letters, after the usual passport-style
/// spellings (<c>ж</c> zh, <c>щ</c> shch, <c>ю</c> yu); hard and soft signs are dropped.</item>
/// <item>Greek: modern Greek after ELOT 743 simplified (<c>θ</c> th, <c>χ</c> ch, <c>ψ</c> ps); accents arrive split and are dropped.</item>
/// </list>
/// Callers lower-case first: the table holds lower-case letters only.
/// </summary>
public static class Transliteration
{
    private static readonly FrozenDictionary<char, string> Table = Build();

    /// <summary>The Latin spelling of <paramref name="lowerCaseLetter"/>; "" for a letter written with nothing; null when not in the table.</summary>
    public static string? Latin(char lowerCaseLetter) => Table.TryGetValue(lowerCaseLetter, out var latin) ? latin : null;

    private static FrozenDictionary<char, string> Build()
    {
        var table = new Dictionary<char, string>();
        void Add(string letters, params string[] spellings)
        {
            for (var i = 0; i < letters.Length; i++)
                table[letters[i]] = spellings[i];
        }

        // Arabic: ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ى ة ء, then tatweel (a stretch, no letter).
        Add("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءـ",
            "a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "a", "a", "", "");
        // Persian and Urdu: پ چ ژ گ ک ی ە ۀ ٹ ڈ ڑ ں ھ ے
        Add("پچژگکیەۀٹڈڑںھے", "p", "ch", "zh", "g", "k", "y", "e", "e", "t", "d", "r", "n", "h", "e");
        Add("٠١٢٣٤٥٦٧٨٩", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Add("۰۱۲۳۴۵۶۷۸۹", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

        // Cyrillic (й and ё arrive as и and е with their marks split off).
        Add("абвгдежзийклмнопрстуфхцчшщъыьэюя",
            "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya");
        Add("єіїґўђјљњћџѓќѕ", "ye", "i", "i", "g", "u", "dj", "j", "lj", "nj", "c", "dz", "gj", "kj", "dz");

        // Greek (ς is the final sigma).
        Add("αβγδεζηθικλμνξοπρσςτυφχψω",
            "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o");
        return table.ToFrozenDictionary();
    }
}
