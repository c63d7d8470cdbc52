import Foundation
import Testing
@testable import DossierRender
import DossierSite
import DossierTestSupport

/// The search index is written entry by entry, without Foundation's encoder: its bytes must
/// be those `JSONEncoder` gives for the same entries.
@Suite("Search index")
struct SearchIndexTests {
    static let tricky = [
        "plain", "", "quote \" and backslash \\ and slash /", "tab\tnew\nline\r return", "\u{8}\u{C}\u{0}\u{1}\u{1F}\u{7F}",
        "Überblick — café 🙂 e\u{301}", "</script><script>alert(1)</script>", "\u{2028}\u{2029}",
    ] + (0..<32).map { String(UnicodeScalar(UInt8($0))) }

    @Test func stringsAreWrittenAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for string in Self.tricky {
            var bytes: [UInt8] = []
            let plain = JSONStrings.append(string, to: &bytes)
            #expect(bytes == Array(try encoder.encode(string)), "\(string.debugDescription)")
            #expect(plain == (string.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }))
        }
    }

    @Test func theScriptIsTheEntriesAsJSONEncoderWritesThem() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": """
            # Alpha "Quoted" \\ Expert
            A profile with a tab\there and a slash / in its description.

            ## Role & Expertise
            Café — naïve 🙂

            ## Capability Confidence Levels
            ### Primary Expertise (≥0.85)
            - Deploying </script> things: 0.90

            ## Service Expertise Matrix
            ### Compute
            - **Lambda**: 0.95 - functions "and" more
            """,
            "content/about.md": "# About \"us\"\n\n## Section with \\ backslash\n",
        ])
        _ = await handbook.build()
        let script = try handbook.read("search-index.js")
        let prefix = "window.DOSSIER_SEARCH = {\"version\": 1, \"entries\": "
        let suffix = "};\n"
        #expect(script.hasPrefix(prefix) && script.hasSuffix(suffix))
        let json = Data(script.dropFirst(prefix.count).dropLast(suffix.count).utf8)
        let entries = try JSONDecoder().decode([[String]].self, from: json)
        #expect(entries.contains { $0.first == "profile" && $0[1] == "Alpha \"Quoted\" \\ Expert" })
        #expect(entries.contains { $0.first == "service" && $0[1] == "Lambda" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        #expect(Array(json) == Array(try encoder.encode(entries)))
    }

    /// The script is written a piece at a time: the pieces together are the whole script,
    /// and each but the last ends with an entry.
    @Test func theScriptWrittenInPiecesIsTheWholeScript() async throws {
        for (root, model) in await SharedCorpus.sampleAndCorpusModels() {
            let index = SearchIndex(overview: SiteOverview(model: model, records: [], introHTML: ""))
            var pieces: [[UInt8]] = []
            index.write(pieceSize: 64) { pieces.append($0) }
            #expect(pieces.count > 2, "\(root.path)")
            #expect(pieces.dropLast().allSatisfy { $0.last == UInt8(ascii: "]") }, "\(root.path)")
            #expect(pieces.joined().elementsEqual(index.script()), "\(root.path)")
        }
    }
}
