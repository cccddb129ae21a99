import Foundation
import TequioModel
import XMLSupport

/// Says in plain words, with the line and column of the element, why a document breaks one of our
/// RELAX NG schemas.
///
/// libxml2 decides whether a document is valid; its messages are often cryptic ("element img failed
/// to validate attributes"), repeated up the tree and sometimes without a position. When it reports
/// errors, the document is walked again here with a derivative validator built from the same schema
/// file, which knows at each element what was expected: the unknown or misplaced element (and where it
/// belongs), the missing element or attribute, the value that does not fit and the rule it breaks.
public struct SchemaExplainer: Sendable {
    /// Words for the values and places of one format (the module format, the completed-matrix format).
    public struct Vocabulary: Sendable {
        /// `docs/…#anchor` for an element, to point the reader at the reference.
        public var documentation: @Sendable (String) -> String?
        /// What an attribute holds, in words (`the id of a glossary term`), when the value type says too little.
        public var attributeNoun: @Sendable (_ element: String, _ attribute: String) -> String?
        /// A better identifier than `xml.schema` for a bad value (`module.file-outside-module`), or nil.
        public var identifierForValue: @Sendable (_ element: String, _ attribute: String?, _ define: String?, _ value: String) -> (any DiagnosticIdentifier)?

        public init(
            documentation: @escaping @Sendable (String) -> String? = { _ in nil },
            attributeNoun: @escaping @Sendable (String, String) -> String? = { _, _ in nil },
            identifierForValue: @escaping @Sendable (String, String?, String?, String) -> (any DiagnosticIdentifier)? = { _, _, _, _ in nil }
        ) {
            self.documentation = documentation
            self.attributeNoun = attributeNoun
            self.identifierForValue = identifierForValue
        }
    }

    let grammar: RNGGrammar
    let vocabulary: Vocabulary

    init(grammar: RNGGrammar, vocabulary: Vocabulary) {
        self.grammar = grammar
        self.vocabulary = vocabulary
    }

    /// libxml2's `diagnostics` for the document whose tree is `root`, replaced by plain-word ones when
    /// the derivative validator finds the problems too; otherwise libxml2's own, each given a position.
    public func explain(_ diagnostics: [Diagnostic], root: XMLElement, path: String) -> [Diagnostic] {
        let schemaErrors = diagnostics.filter { $0.identifier == XMLDiagnosticID.schema.rawValue }
        guard !schemaErrors.isEmpty else { return diagnostics }
        let others = diagnostics.filter { $0.identifier != XMLDiagnosticID.schema.rawValue }
        let ours = check(root, path: path)
        if !ours.isEmpty { return others + ours }
        // Not understood here: libxml2's words, but never without a position.
        return others + schemaErrors.map { d in
            var d = d
            if (d.location?.line ?? 0) == 0 {
                d.location = root.location
                d.message += " (somewhere in <\(root.name)>: libxml2 gave no line)"
            }
            return d
        }
    }

    /// Every problem the derivative validator finds in `root`, in document order.
    func check(_ root: XMLElement, path: String) -> [Diagnostic] {
        grammar.lock.lock()
        defer {
            grammar.factory.trim()
            grammar.lock.unlock()
        }
        var walk = Walk(f: grammar.factory, vocabulary: vocabulary, path: path)
        let end = walk.element(root, in: grammar.start, parent: nil)
        _ = end
        return walk.diagnostics
    }
}

/// One validation walk: derivatives with recovery, so that one mistake gives one message.
private struct Walk {
    let f: PatternFactory
    let vocabulary: SchemaExplainer.Vocabulary
    let path: String
    var diagnostics: [Diagnostic] = []

    init(f: PatternFactory, vocabulary: SchemaExplainer.Vocabulary, path: String) {
        self.f = f
        self.vocabulary = vocabulary
        self.path = path
    }

    static func qname(_ e: XMLElement) -> QName { QName(namespace: e.namespace ?? "", local: e.name) }

    private mutating func report(_ message: String, at e: XMLElement, id: any DiagnosticIdentifier = XMLDiagnosticID.schema) {
        var location = e.location
        if location.line == 0 { location = SourceLocation(file: path, line: 1, column: 1) }
        diagnostics.append(.error(id, message, at: location))
    }

    private func see(_ element: String) -> String {
        vocabulary.documentation(element).map { " (see \($0))" } ?? ""
    }

    /// `p` after the element `e`, which stands where `p` is expected inside `parent`.
    mutating func element(_ e: XMLElement, in p: Pat, parent: (XMLElement, ElementDefinition)?, previous: XMLElement? = nil) -> Pat {
        let name = Self.qname(e)
        var p = p
        var opened = f.startTagOpen(p, name)
        if opened.kind == .notAllowed, let parent, let (skipped, state) = skipForward(p, to: name) {
            // Something required is missing before this element: say so once, and go on as if it were there.
            let missing = Words.and(skipped.map { Words.element($0, f) })
            report(
                "<\(Self.qname(parent.0))> has no \(missing) before this <\(name)>: add \(skipped.count == 1 ? "it" : "them") (<\(Self.qname(parent.0))> holds \(Words.describe(parent.1.content, f)))\(see(parent.0.name))",
                at: e)
            p = state
            opened = f.startTagOpen(p, name)
        }
        guard opened.kind != .notAllowed else {
            misplaced(e, in: p, parent: parent, previous: previous)
            // Still look inside, with the element's definition wherever the schema has one.
            if let definition = definitionElsewhere(name, parent: parent?.1) {
                _ = element(e, in: f.elementPatterns[definition.index], parent: parent)
            }
            return p
        }
        let definition = f.firstElements(p).first { $0.name == name }!

        // Attributes.
        var q = opened
        var bad = Set<QName>()
        for a in e.attributes {
            let an = QName(namespace: a.namespace ?? "", local: a.name)
            let next = f.attributeDeriv(q, an, a.value)
            if next.kind == .notAllowed {
                bad.insert(an)
                attributeProblem(e, an, a.value, definition: definition, state: q)
            } else {
                q = next
            }
        }
        var content = f.startTagClose(q)
        if content.kind == .notAllowed {
            let assumed = f.startTagClose(f.assumeAttributes(q, bad))
            if assumed.kind != .notAllowed {
                content = assumed
            } else {
                content = missingAttributes(e, state: f.assumeAttributes(q, bad), definition: definition)
            }
        }

        // Children: a lone text is matched whole (it may be a value); otherwise white space between
        // elements is ignored and other text must be allowed where it stands.
        let hasElements = e.children.contains { if case .element = $0 { true } else { false } }
        if !hasElements {
            let text = e.text
            let d = f.textDeriv(content, text)
            let next = Datatype.isWhitespace(text) ? f.choice(content, d) : d
            if next.kind == .notAllowed {
                textProblem(e, text: text, state: content, definition: definition)
                return f.forceEnd(content)
            }
            content = next
        } else {
            var previousChild: XMLElement?
            var reportedText = false
            for child in e.children {
                switch child {
                case .text(let s):
                    guard !Datatype.isWhitespace(s) else { continue }
                    let d = f.textDeriv(content, s)
                    if d.kind == .notAllowed {
                        if !reportedText { textProblem(e, text: s, state: content, definition: definition) }
                        reportedText = true
                    } else {
                        content = d
                    }
                case .element(let c):
                    content = element(c, in: content, parent: (e, definition), previous: previousChild)
                    previousChild = c
                }
            }
        }
        let end = f.endTag(content)
        if end.kind == .notAllowed {
            missingContent(e, state: content, definition: definition)
            return f.forceEnd(content)
        }
        return end
    }

    /// A definition of `name` to look inside a misplaced element: one allowed in `parent`, else the
    /// only one of that name in the schema.
    private func definitionElsewhere(_ name: QName, parent: ElementDefinition?) -> ElementDefinition? {
        if let parent, let d = f.allElements(parent.content).first(where: { $0.name == name }) { return d }
        let all = f.elements.filter { $0.name == name }
        return all.count == 1 ? all[0] : nil
    }

    // MARK: Elements

    private mutating func misplaced(_ e: XMLElement, in p: Pat, parent: (XMLElement, ElementDefinition)?, previous: XMLElement?) {
        let name = Self.qname(e)
        guard let (parentElement, parentDefinition) = parent else {
            let roots = f.firstElements(p).map { "<\($0.name)>" }
            report("<\(name)> cannot be the root element of this file; it must be \(Words.or(roots))", at: e)
            return
        }
        let expected = f.firstElements(f.contentPart(p)).map { "<\($0.name)>" }
        let inParent = f.allElements(parentDefinition.content).map(\.name)
        let here = "<\(Self.qname(parentElement))>"
        if inParent.contains(name) {
            let after = previous.map { "after <\(Self.qname($0))>" } ?? "at the start"
            let order = Words.describe(parentDefinition.content, f)
            var message = "<\(name)> is out of place in \(here)"
            if e.name == previous?.name, !expected.contains("<\(name)>") {
                message = "\(here) has one <\(name)> too many here"
            }
            message += ": \(expected.isEmpty ? "nothing more is allowed \(after)" : "\(after) it expects \(Words.or(expected))"); \(here) holds \(order)\(see(parentElement.name))"
            report(message, at: e)
            return
        }
        let homes = f.elements.filter { d in f.allElements(d.content).contains { $0.name == name } }.map { "<\($0.name)>" }
        var message: String
        if homes.isEmpty {
            let known = Set(f.elements.map(\.name.local))
            let suggestion = Words.closest(e.name, among: inParent.map(\.local) + Array(known))
            message = "<\(name)> is not an element of this format" + (suggestion.map { " (did you mean <\($0)>?)" } ?? "")
        } else {
            message = "<\(name)> cannot stand inside \(here); it belongs in \(Words.or(Array(Set(homes)).sorted()))"
        }
        if inParent.isEmpty {
            message += "; \(here) holds only text"
        } else {
            message += expected.isEmpty ? "; nothing more is allowed here in \(here)" : "; here \(here) expects \(Words.or(expected))"
        }
        report(message + see(parentElement.name), at: e)
    }

    private mutating func missingContent(_ e: XMLElement, state: Pat, definition: ElementDefinition) {
        let content = f.contentPart(state)
        let here = "<\(Self.qname(e))>"
        let firsts = f.firstElements(content)
        if firsts.isEmpty {
            let values = f.textPatterns(content)
            if !values.isEmpty {
                var rule = Words.valueRule("", values, f, element: e.name, attribute: nil)
                if rule.hasPrefix("the value is empty: ") { rule = String(rule.dropFirst("the value is empty: ".count)) }
                report("\(here) is empty: \(rule)", at: e, id: valueIdentifier(e.name, nil, values, ""))
            } else {
                report("\(here) is not complete\(see(e.name))", at: e)
            }
            return
        }
        let fixes = firsts.filter { f.skipElement(content, $0.name).nullable }
        if fixes.count == 1 {
            report("\(here) has no \(Words.element(fixes[0], f)): add one\(see(e.name))", at: e)
        } else if !fixes.isEmpty {
            report("\(here) needs at least one \(Words.or(fixes.map { Words.element($0, f) }))\(see(e.name))", at: e)
        } else if let sequence = shortestCompletion(content) {
            report("\(here) is missing \(Words.and(sequence.map { Words.element($0, f) }))\(see(e.name))", at: e)
        } else {
            report("\(here) is not complete: it holds \(Words.describe(definition.content, f))\(see(e.name))", at: e)
        }
    }

    /// The fewest elements (up to three) that, put before an element named `name`, would let it stand here.
    private func skipForward(_ p: Pat, to name: QName) -> ([ElementDefinition], Pat)? {
        var frontier: [(Pat, [ElementDefinition])] = [(p, [])]
        var seen: Set<Int> = [p.id]
        for _ in 0..<3 {
            var next: [(Pat, [ElementDefinition])] = []
            for (state, path) in frontier {
                for d in f.firstElements(f.contentPart(state)) where d.name != name {
                    let q = f.skipElement(state, d.name)
                    guard q.kind != .notAllowed, seen.insert(q.id).inserted else { continue }
                    if f.startTagOpen(q, name).kind != .notAllowed { return (path + [d], q) }
                    next.append((q, path + [d]))
                }
            }
            frontier = next
        }
        return nil
    }

    /// The fewest elements that would complete `content` (breadth first, up to four).
    private func shortestCompletion(_ content: Pat) -> [ElementDefinition]? {
        var frontier: [(Pat, [ElementDefinition])] = [(content, [])]
        var seen: Set<Int> = [content.id]
        for _ in 0..<4 {
            var next: [(Pat, [ElementDefinition])] = []
            for (p, path) in frontier {
                for d in f.firstElements(p) {
                    let q = f.skipElement(p, d.name)
                    guard q.kind != .notAllowed, seen.insert(q.id).inserted else { continue }
                    if q.nullable { return path + [d] }
                    next.append((q, path + [d]))
                }
            }
            frontier = next
        }
        return nil
    }

    private mutating func textProblem(_ e: XMLElement, text: String, state: Pat, definition: ElementDefinition) {
        let content = f.contentPart(state)
        let here = "<\(Self.qname(e))>"
        let values = f.textPatterns(content)
        if !values.isEmpty {
            report("\(here) \(Words.quoted(text)): \(Words.valueRule(text, values, f, element: e.name, attribute: nil))", at: e, id: valueIdentifier(e.name, nil, values, text))
            return
        }
        let firsts = f.firstElements(content)
        let blocks = firsts.filter { ["p", "ul", "ol"].contains($0.name.local) }
        if !blocks.isEmpty {
            report("\(here) has text \(Words.quoted(Datatype.collapse(text))) outside a paragraph: put it in <p>…</p>; \(here) holds paragraphs, lists, quotes and images, not loose text\(see(e.name))", at: e)
        } else if f.allElements(definition.content).isEmpty {
            report("\(here) must be empty, but it holds the text \(Words.quoted(Datatype.collapse(text)))\(see(e.name))", at: e)
        } else {
            report("\(here) holds elements, not text: \(Words.quoted(Datatype.collapse(text))) does not belong here; \(here) holds \(Words.describe(definition.content, f))\(see(e.name))", at: e)
        }
    }

    // MARK: Attributes

    private mutating func attributeProblem(_ e: XMLElement, _ name: QName, _ value: String, definition: ElementDefinition, state: Pat) {
        let here = "<\(Self.qname(e))>"
        let known = f.attributes(definition.content)
        guard let (_, valuePattern) = known.first(where: { $0.0 == name }) else {
            let names = known.map { "'\($0.0)'" }
            let suggestion = Words.closest(name.description, among: known.map(\.0.description))
            var message = "\(here) has no attribute '\(name)'"
            if let suggestion { message += "; did you mean '\(suggestion)'?" }
            message += names.isEmpty ? " (it takes no attributes)" : " (its attributes: \(names.joined(separator: ", ")))"
            report(message + see(e.name), at: e)
            return
        }
        if f.valueMatches(valuePattern, value) {
            report("\(here) cannot have '\(name)' together with the attributes it already has\(see(e.name))", at: e)
            return
        }
        let values = f.textPatterns(valuePattern)
        report(
            "\(here) \(name)=\(Words.quoted(value, double: true)): \(Words.valueRule(value, values, f, element: e.name, attribute: name.description))",
            at: e, id: valueIdentifier(e.name, name.description, values, value))
    }

    /// Reports the missing attributes and returns the state with them assumed.
    private mutating func missingAttributes(_ e: XMLElement, state: Pat, definition: ElementDefinition) -> Pat {
        let here = "<\(Self.qname(e))>"
        let remaining = f.attributes(f.contentPart(state)).map(\.0)
        var required: [QName] = []
        for a in remaining {
            let others = Set(remaining.filter { $0 != a })
            if f.startTagClose(f.assumeAttributes(state, others)).kind == .notAllowed { required.append(a) }
        }
        func describe(_ a: QName) -> String {
            let pattern = f.attributes(definition.content).first { $0.0 == a }?.1
            let what = vocabulary.attributeNoun(e.name, a.description)
                ?? pattern.map { Words.valueNoun(f.textPatterns($0), f, attribute: a.description) } ?? ""
            return "'\(a)'" + (what.isEmpty ? "" : " (\(what))")
        }
        if !required.isEmpty {
            report(
                "\(here) needs the attribute\(required.count == 1 ? "" : "s") \(Words.and(required.map(describe)))\(see(e.name))", at: e)
            let fixed = f.startTagClose(f.assumeAttributes(state, Set(required)))
            if fixed.kind != .notAllowed { return fixed }
        }
        let alternatives = remaining.filter { f.startTagClose(f.assumeAttributes(state, [$0])).kind != .notAllowed }
        if required.isEmpty && !alternatives.isEmpty {
            report("\(here) needs \(Words.or(alternatives.map(describe)))\(see(e.name))", at: e)
            return f.startTagClose(f.assumeAttributes(state, [alternatives[0]]))
        }
        if required.isEmpty { report("\(here) is missing attributes\(see(e.name))", at: e) }
        return f.startTagClose(f.assumeAttributes(state, Set(remaining)))
    }

    private func valueIdentifier(_ element: String, _ attribute: String?, _ values: [Pat], _ value: String) -> any DiagnosticIdentifier {
        let define = values.lazy.flatMap { self.f.datatypes(in: $0) }.compactMap(\.define).first
        return vocabulary.identifierForValue(element, attribute, define, value) ?? XMLDiagnosticID.schema
    }
}

