import CLibXML2

/// One-time set-up of libxml2.
///
/// Call `XMLLibrary.initialize()` on the main thread before any concurrency: the schema type
/// initialisers are lazy and not thread-safe, and `xmlInitParser` does not call them.
public enum XMLLibrary {
    nonisolated(unsafe) private static var initialized = false

    /// When false, parsed documents are not freed: a command that exits right after reading one big
    /// module sets it, as compilers skip freeing their trees before exit. Libraries keep it true.
    nonisolated(unsafe) public static var freeDocuments = true

    public static func initialize() {
        guard !initialized else { return }
        initialized = true
        xmlInitParser()
        xmlSchemaInitTypes()
        xmlRelaxNGInitTypes()
        // Trusted inputs (our schemas) may reference local files; nothing may reach the network.
        xmlSetExternalEntityLoader(localOnlyEntityLoader)
    }
}

/// Loads only local files; refuses every URL with a scheme other than `file:`.
private let localOnlyEntityLoader: xmlExternalEntityLoader = { url, id, ctxt in
    if let url {
        let s = String(cString: url)
        if let colon = s.firstIndex(of: ":"), s[..<colon].count > 1, !s.hasPrefix("file:") {
            return nil
        }
        return xmlNewInputFromFile(ctxt, url)
    }
    return nil
}
