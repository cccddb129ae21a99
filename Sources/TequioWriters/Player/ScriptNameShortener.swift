import Foundation

/// Gives the names a minified script declares short ones (`a`, `b`, … `aB`), the most used first, for a script
/// whose every name lives inside one function (the player: nothing it declares reaches `window`).
///
/// It renames by name, not by scope: every use of a name that is not a property (`x.name`) or an object key
/// (`{name: 1}`, `{name() {}}`, `{get name() {}}`) becomes the same short name, so shadowing means what it meant.
/// A shorthand property (`{name}`) keeps its key (`{name:a}`). Only names the script declares (`const`, `let`,
/// `var`, `function`, `class`, parameters, `catch`) are renamed, never a global the browser provides
/// (`globals`), a word with a meaning of its own, or a name used without a declaration; no short name is a name
/// the script keeps. It reads the tokens `ScriptMinifier` wrote.
struct ScriptNameShortener {
    typealias Token = (kind: ScriptMinifier.Token, range: Range<Int>)

    let script: [UInt8]
    let tokens: [Token]

    /// Words that are never renamed: JavaScript's reserved and contextual words, and the browser's globals a
    /// script may both use and, somewhere else, declare a local of the same name.
    static let kept: Set<String> = Set(
        """
        break case catch class const continue debugger default delete do else enum export extends false finally for
        function if import in instanceof new null return super switch this throw true try typeof var void while with
        yield let static implements interface package private protected public await async of get set arguments eval
        undefined NaN Infinity globalThis window document self top parent frames opener name status length origin
        location history navigator screen event open close closed print focus blur stop find scroll scrollTo scrollBy
        scrollX scrollY innerWidth innerHeight outerWidth outerHeight devicePixelRatio visualViewport external
        localStorage sessionStorage indexedDB caches crypto performance console fetch alert confirm prompt
        setTimeout clearTimeout setInterval clearInterval requestAnimationFrame cancelAnimationFrame queueMicrotask
        structuredClone atob btoa addEventListener removeEventListener dispatchEvent matchMedia getComputedStyle
        getSelection isNaN isFinite parseInt parseFloat encodeURIComponent decodeURIComponent encodeURI decodeURI
        escape unescape Object Array String Number Boolean Symbol BigInt Math JSON Date RegExp Error TypeError
        RangeError SyntaxError Promise Map Set WeakMap WeakSet Reflect Proxy Intl URL URLSearchParams Blob File
        FileReader FormData Image Audio Option Node Element HTMLElement Event CustomEvent KeyboardEvent MouseEvent
        IntersectionObserver ResizeObserver MutationObserver XMLSerializer DOMParser VTTCue TextTrack CSS
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words after which a `{` starts an object or a destructuring pattern rather than a block.
    static let beforeExpression: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "yield", "await",
        "const", "let", "var",
    ]

    enum Brace { case block, object, paren, bracket, template }

    /// What each word token is: a name that may be renamed, a property or key (never renamed), or a shorthand
    /// property (`{name}`, renamed as `{name:a}`).
    enum Role { case name, property, shorthand }

    func text(_ k: Int) -> String { String(decoding: script[tokens[k].range], as: UTF8.self) }
    func isPunctuator(_ k: Int, _ c: Character) -> Bool {
        k >= 0 && k < tokens.count && tokens[k].kind == .punctuator && script[tokens[k].range.lowerBound] == c.asciiValue!
    }
    /// A word after `.` or `?.`, not after the `...` of a spread or rest.
    func isProperty(_ k: Int) -> Bool { isPunctuator(k - 1, ".") && !isPunctuator(k - 2, ".") }
    func isWord(_ k: Int) -> Bool { k >= 0 && k < tokens.count && tokens[k].kind == .word }

    func shortened() -> [UInt8] {
        let roles = self.roles()
        let declared = declaredNames()
        var uses: [String: Int] = [:]
        var keptNames = Self.kept
        for k in tokens.indices where tokens[k].kind == .word {
            let name = text(k)
            guard roles[k] != .property else { continue }
            if declared.contains(name) && !Self.kept.contains(name) { uses[name, default: 0] += 1 } else { keptNames.insert(name) }
        }
        var short: [String: String] = [:]
        var candidates = ShortNames(avoiding: keptNames)
        for name in uses.keys.sorted(by: { (uses[$0]!, $1) > (uses[$1]!, $0) }) { short[name] = candidates.next() }
        var out: [UInt8] = []
        out.reserveCapacity(script.count)
        var copied = 0
        for k in tokens.indices where tokens[k].kind == .word {
            let range = tokens[k].range, name = text(k)
            guard roles[k] != .property, let replacement = short[name], replacement != name else { continue }
            out.append(contentsOf: script[copied..<range.lowerBound])
            if roles[k] == .shorthand { out.append(contentsOf: Array((name + ":").utf8)) }
            out.append(contentsOf: Array(replacement.utf8))
            copied = range.upperBound
        }
        out.append(contentsOf: script[copied...])
        return out
    }

    /// The names the script uses without declaring them (the browser's and JavaScript's): each should be in `kept`,
    /// in case a later change declares a local of the same name somewhere.
    func undeclaredNames() -> Set<String> {
        let roles = self.roles(), declared = declaredNames()
        return Set(tokens.indices.filter { tokens[$0].kind == .word && roles[$0] != .property }.map(text)).subtracting(declared)
    }

    /// The role of each word token, by index; a name when absent.
    func roles() -> [Int: Role] {
        var roles: [Int: Role] = [:]
        var braces: [Brace] = []
        for k in tokens.indices {
            let token = tokens[k]
            if token.kind == .template {
                let first = script[token.range.lowerBound], last = script[token.range.upperBound - 1]
                if first == UInt8(ascii: "}"), braces.last == .template { braces.removeLast() }
                if last == UInt8(ascii: "{") { braces.append(.template) }
                continue
            }
            if token.kind == .punctuator {
                switch script[token.range.lowerBound] {
                case UInt8(ascii: "{"): braces.append(opensObject(at: k) ? .object : .block)
                case UInt8(ascii: "("): braces.append(.paren)
                case UInt8(ascii: "["): braces.append(.bracket)
                case UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"): if !braces.isEmpty { braces.removeLast() }
                default: break
                }
                continue
            }
            guard token.kind == .word else { continue }
            if isProperty(k) {
                roles[k] = .property
            } else if braces.last == .object, isPunctuator(k - 1, "{") || isPunctuator(k - 1, ",") {
                if isPunctuator(k + 1, ":") || isPunctuator(k + 1, "(") || isWord(k + 1) {
                    roles[k] = .property  // a key, a method, or get/set/async before one
                } else {
                    roles[k] = .shorthand
                }
            } else if braces.last == .object, isWord(k - 1), ["get", "set", "async"].contains(text(k - 1)),
                isPunctuator(k - 2, "{") || isPunctuator(k - 2, ",")
            {
                roles[k] = .property
            }
        }
        return roles
    }

    /// Whether the `{` at token `k` opens an object literal (or pattern) rather than a block.
    func opensObject(at k: Int) -> Bool {
        let p = k - 1
        guard p >= 0 else { return false }
        switch tokens[p].kind {
        case .word: return Self.beforeExpression.contains(text(p))
        case .template: return true  // after `${`
        case .punctuator:
            if isPunctuator(p, ">") && isPunctuator(p - 1, "=") { return false }  // an arrow function's body
            return !(isPunctuator(p, ")") || isPunctuator(p, "}") || isPunctuator(p, ";") || isPunctuator(p, "{"))
        default: return false
        }
    }

    /// The names the script declares somewhere. Over-counting is harmless: `kept` protects the globals, and a
    /// name is renamed the same way everywhere.
    func declaredNames() -> Set<String> {
        var names: Set<String> = []
        var openParen: [Int] = []
        var opening: [Int: Int] = [:], closing: [Int: Int] = [:]  // a `)` token's `(`, a `(` token's `)`
        for k in tokens.indices where tokens[k].kind == .punctuator {
            if isPunctuator(k, "(") {
                openParen.append(k)
            } else if isPunctuator(k, ")"), let open = openParen.popLast() {
                (opening[k], closing[open]) = (open, k)
            }
        }
        /// Every word between two tokens that is not a key (`{key: binding}`) or a property.
        func bindings(_ from: Int, _ to: Int) {
            var k = from
            while k < to {
                if isWord(k), !isPunctuator(k + 1, ":"), !isProperty(k) { names.insert(text(k)) }
                k += 1
            }
        }
        for k in tokens.indices {
            if isWord(k) {
                switch text(k) {
                case "const", "let", "var": declarationList(after: k, into: &names)
                case "function", "class":
                    if isWord(k + 1) { names.insert(text(k + 1)) }
                    let open = isPunctuator(k + 1, "(") ? k + 1 : k + 2
                    if let close = closing[open] { bindings(open + 1, close) }
                case "catch": if isPunctuator(k + 1, "("), isWord(k + 2) { names.insert(text(k + 2)) }
                default: break
                }
            } else if isPunctuator(k, ">"), isPunctuator(k - 1, "="), tokens[k - 1].range.upperBound == tokens[k].range.lowerBound {
                if isWord(k - 2) { names.insert(text(k - 2)) } else if let open = opening[k - 2] { bindings(open + 1, k - 2) }
            }
        }
        return names
    }

    /// The names of `const a = 1, [b, c] = f(), {d} = g`: bindings up to `=`, then the initializer is skipped to the
    /// next `,` at the same depth; a `;`, a line break, or a bracket closing the list ends it.
    func declarationList(after keyword: Int, into names: inout Set<String>) {
        var depth = 0, inInitializer = false
        var k = keyword + 1
        while k < tokens.count {
            let breaksLine = k > keyword + 1 && script[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound].contains(0x0A)
            if depth == 0 && breaksLine { return }
            if tokens[k].kind == .punctuator {
                switch script[tokens[k].range.lowerBound] {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth < 0 { return }
                case UInt8(ascii: ";") where depth == 0: return
                case UInt8(ascii: ",") where depth == 0: inInitializer = false
                case UInt8(ascii: "=") where depth == 0 && !isPunctuator(k + 1, "="): inInitializer = true
                default: break
                }
            } else if tokens[k].kind == .template {
                if script[tokens[k].range.upperBound - 1] == UInt8(ascii: "{") { depth += 1 }
                if script[tokens[k].range.lowerBound] == UInt8(ascii: "}") { depth -= 1 }
            } else if isWord(k), !inInitializer {
                if depth == 0, ["in", "of"].contains(text(k)) { return }
                if !isPunctuator(k + 1, ":") { names.insert(text(k)) }
            }
            k += 1
        }
    }
}

/// Short names in order, `a` … `Z`, `_`, `$`, then two characters, skipping reserved words and `avoiding`.
struct ShortNames {
    static let first = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")
    static let rest = first + Array("0123456789")
    let avoiding: Set<String>
    var index = 0

    init(avoiding: Set<String>) { self.avoiding = avoiding }

    mutating func next() -> String {
        while true {
            let name = Self.name(index)
            index += 1
            if !avoiding.contains(name) && !ScriptNameShortener.kept.contains(name) { return name }
        }
    }

    static func name(_ index: Int) -> String {
        var n = index
        var name = String(first[n % first.count])
        n /= first.count
        while n > 0 {
            n -= 1
            name.append(rest[n % rest.count])
            n /= rest.count
        }
        return name
    }
}
