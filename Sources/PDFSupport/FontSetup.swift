import CPangoCairo

/// What the PDF writer asks of fontconfig, once per process, before pango loads a font.
///
/// Emoji: pango asks fontconfig for the "emoji" family, which prefers colour fonts (Noto Color
/// Emoji: the emoji language tag asks for colour, and colour weighs more than the family). cairo 1.16 draws colour glyphs as images, without their text: a reader cannot copy or
/// search them, nor a screen reader say them. A monochrome outline font (Symbola, from
/// `fonts-symbola`) is put first instead, so emoji are text like any other; without it, fontconfig's
/// own choice stands.
enum FontSetup {
    static let monochromeEmoji = "Symbola"

    private static let rules = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <match target="pattern">
            <test name="family"><string>emoji</string></test>
            <edit name="family" mode="prepend_first" binding="strong"><string>\(monochromeEmoji)</string></edit>
            <edit name="color" mode="assign" binding="strong"><bool>false</bool></edit>
          </match>
        </fontconfig>
        """

    /// Adds the rules to fontconfig's current configuration (a Swift global is initialised once, safely
    /// across threads). False when fontconfig refused them: the PDF is still written, with its emoji as
    /// fontconfig chooses.
    static let applied: Bool = {
        guard FcInit() != 0, let config = FcConfigGetCurrent() else { return false }
        return rules.withCString { text in
            text.withMemoryRebound(to: FcChar8.self, capacity: rules.utf8.count + 1) { FcConfigParseAndLoadFromMemory(config, $0, 0) != 0 }
        }
    }()
}
