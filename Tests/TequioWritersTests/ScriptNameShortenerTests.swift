import XCTest

@testable import TequioWriters

final class ScriptNameShortenerTests: XCTestCase {
    func shorten(_ js: String) throws -> String { try ScriptMinifier.minify(js, shorteningNames: true) }

    func testDeclaredNamesGetShortNamesTheMostUsedFirst() throws {
        let js = "(() => { const rare = 1; function often(value) { return value + value + value; } often(rare); })();"
        XCTAssertEqual(try shorten(js), "(()=>{const c=1;function b(a){return a+a+a;}b(c);})();\n")
    }

    func testPropertiesKeysAndMethodsKeepTheirNames() throws {
        let js = """
            const id = 1, name2 = 2, summary = () => 3;
            const o = { id: id, name2, get summary() { return summary(); }, summary2() { return o.id; }, [id]: 4 };
            """
        XCTAssertEqual(
            try shorten(js),
            "const a=1,b=2,d=()=>3;const c={id:a,name2:b,get summary(){return d();},summary2(){return c.id;},[a]:4};\n")
    }

    func testDestructuringSpreadAndShorthandPatterns() throws {
        let js = "const { mx, unknown, ...fields } = read(); const [first, , third] = fields.list; f({ mx }, ...first);"
        XCTAssertEqual(try shorten(js), "const{mx:c,unknown:e,...a}=read();const[b,,d]=a.list;f({mx:c},...b);\n")
        XCTAssertEqual(try shorten("const g = ({ a, b: c }) => a + c;"), "const c=({a,b:b})=>a+b;\n")
    }

    func testGlobalsReservedWordsAndUndeclaredNamesStay() throws {
        let js = "function f(name, document) { const set = location.hash; return name + document + set + window.x + undeclared; }"
        XCTAssertEqual(try shorten(js), "function a(name,document){const set=location.hash;return name+document+set+window.x+undeclared;}\n")
    }

    func testBlocksArrowBodiesAndTemplatesAreTellApartFromObjects() throws {
        let js = "const k = 1; if (k) { k; } const f = x => { x; }; const s = `a${ { k }.k }b${ k }`;"
        XCTAssertEqual(try shorten(js), "const a=1;if(a){a;}const c=b=>{b;};const d=`a${{k:a}.k}b${a}`;\n")
    }

    /// A global the player uses must be one the shortener never renames, even where a local of that name is declared.
    func testEveryGlobalThePlayerUsesIsKept() throws {
        let joined = try PlayerScript.joined(PlayerScriptTests.input().templates)
        let free = try ScriptMinifier.nameShortener(joined).undeclaredNames()
        XCTAssertTrue(free.contains("document") && free.contains("localStorage"))
        XCTAssertEqual(free.subtracting(ScriptNameShortener.kept), [], "add these globals to ScriptNameShortener.kept")
    }

    func testShortNamesNeverMeetAKeptName() {
        var names = ShortNames(avoiding: ["a", "c"])
        XCTAssertEqual((0..<3).map { _ in names.next() }, ["b", "d", "e"])
        XCTAssertEqual([53, 54, 55].map(ShortNames.name), ["$", "aa", "ba"])
        var many = ShortNames(avoiding: [])
        let first = (0..<3000).map { _ in many.next() }
        XCTAssertEqual(Set(first).count, 3000)
        XCTAssertFalse(first.contains("do") || first.contains("if") || first.contains("in"))
    }
}
