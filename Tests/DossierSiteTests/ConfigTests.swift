import DossierCore
import DossierSite
import Foundation
import Testing

struct ConfigTests {
    @Test func readsTheKnownKeys() {
        let (config, diagnostics) = ConfigLoader.parse("""
        title: Platform Team Handbook
        description: "Who knows what: our agents and their proven patterns."
        base_url: https://handbook.example.com
        unsafe_html: true
        """, path: "dossier.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Platform Team Handbook")
        #expect(config.description == "Who knows what: our agents and their proven patterns.")
        #expect(config.baseURL == "https://handbook.example.com/")
        #expect(config.unsafeHTML)
    }

    @Test func unknownKeysAreWarningsNamingKeyAndLine() throws {
        let (config, diagnostics) = ConfigLoader.parse("title: T\ntheme: dark\nbaseurl: x\n", path: "dossier.yml")
        #expect(config.title == "T")
        #expect(diagnostics.map(\.code) == ["config.unknown-key", "config.unknown-key"])
        #expect(diagnostics.map(\.severity) == [.warning, .warning])
        #expect(diagnostics[0].location == SourceLocation(path: "dossier.yml", line: 2, column: 1))
        #expect(diagnostics[0].message.contains("‘theme’"))
        #expect(diagnostics[1].location?.line == 3)
    }

    @Test(arguments: [
        ("title: [unclosed\n", 2, 1),
        ("title: ok\n  bad: indent\n", 2, 6),
        ("title: \"open\n", 2, 1),
    ])
    func malformedYAMLIsAnErrorWithLineAndColumn(text: String, line: Int, column: Int) throws {
        let (_, diagnostics) = ConfigLoader.parse(text, path: "dossier.yml")
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.code == "config.invalid-yaml")
        #expect(error.location == SourceLocation(path: "dossier.yml", line: line, column: column))
    }

    @Test func wrongTypesAreErrors() {
        let (config, diagnostics) = ConfigLoader.parse("unsafe_html: sometimes\ntitle: [a, b]\n", path: "dossier.yml")
        #expect(diagnostics.map(\.code) == ["config.invalid-value", "config.invalid-value"])
        #expect(!config.unsafeHTML)
    }

    @Test func anEmptyFileMeansDefaults() {
        let (config, diagnostics) = ConfigLoader.parse("", path: "dossier.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Expertise Handbook")
    }

    @Test func aBrokenConfigStillBuildsTheSiteAndFails() async throws {
        let handbook = try TemporaryHandbook(files: ["dossier.yml": "title: [\n", "content/a.md": "# A\n"])
        let report = await handbook.build()
        #expect(report.committed)
        #expect(report.diagnostics.hasErrors)
        #expect(handbook.exists("a/index.html"))
    }
}
