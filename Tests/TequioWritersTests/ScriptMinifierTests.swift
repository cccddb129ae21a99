import XCTest

@testable import TequioWriters

final class ScriptMinifierTests: XCTestCase {
    func minify(_ js: String) throws -> String { try ScriptMinifier.minify(js) }

    func testDropsCommentsAndSpacesThatSeparateNothing() throws {
        let js = """
            /* header */
            const a = 1, b = [a, 2]; // trailing
            function f(x) {
              return x + 1;
            }
            """
        XCTAssertEqual(try minify(js), "const a=1,b=[a,2];function f(x){return x+1;}\n")
    }

    func testKeepsWhatSeparatesTokens() throws {
        XCTAssertEqual(try minify("a + +b; c - -d; e - --f; g = h-- > i; j < !k;"), "a+ +b;c- -d;e- --f;g=h-- >i;j< !k;\n")
        XCTAssertEqual(try minify("x = 1 .toString(); y = a ? .5 : 1;"), "x=1 .toString();y=a? .5:1;\n")
        XCTAssertEqual(try minify("return typeof x in y;"), "return typeof x in y;\n")
    }

    func testKeepsLineBreaksThatMayEndAStatement() throws {
        XCTAssertEqual(try minify("let a = b\n(c)\nlet d = e++\nf()\nx = {}\n[1].map(g)\n"), "let a=b\n(c)\nlet d=e++\nf()\nx={}\n[1].map(g)\n")
        XCTAssertEqual(try minify("return\nx"), "return\nx\n")
        XCTAssertEqual(try minify("a = b /* two\nlines */ c"), "a=b\nc\n")
        XCTAssertEqual(try minify("f(a,\n  b);\ng({\n  c: 1\n});\n"), "f(a,b);g({c:1});\n")
    }

    func testStringsTemplatesAndRegularExpressionsStayAsTheyAre() throws {
        let js = #"s = 'a  // b' + "c /* d */"; r = /[/ ]+ \/ x/g.test(s) / 2; u = `x  ${ f({ a: `y ${ z }` }) }  w`;"#
        XCTAssertEqual(try minify(js), #"s='a  // b'+"c /* d */";r=/[/ ]+ \/ x/g.test(s)/2;u=`x  ${f({a:`y ${z}`})}  w`;"# + "\n")
        XCTAssertEqual(try minify("x = a / b / c; if (t) return /a b/.test(s);"), "x=a/b/c;if(t)return/a b/.test(s);\n")
        XCTAssertEqual(try minify("x = /a/g\nin y"), "x=/a/g\nin y\n")
    }

    func testAnUnterminatedStringCommentTemplateOrRegularExpressionIsRefused() {
        for js in ["a = 'x", "a = \"x\nb\"", "/* x", "a = `x ${ b }", "a = (/x)"] {
            XCTAssertThrowsError(try minify(js), js)
        }
    }
}
