import Foundation
import Testing

/// What the layout and accessibility fixes promise, checked on built pages and on the
/// stylesheet: the 404 page under a sub-path, no separators left dangling by empty values,
/// the contents disclosure, the collaboration graph's legend and table, heat-cell contrast,
/// and the rules that keep phones from scrolling sideways.
@Suite("Polish")
struct PolishTests {
    // MARK: 404 under a sub-path

    struct RootCase: CustomTestStringConvertible, Sendable {
        let baseURL: String?
        let root: String
        var testDescription: String { baseURL ?? "no base_url" }
    }

    static let roots = [
        RootCase(baseURL: "https://x.github.io/handbook/", root: "/handbook/"),
        RootCase(baseURL: "https://x.github.io/handbook", root: "/handbook/"),
        RootCase(baseURL: "https://x.github.io/team/handbook/", root: "/team/handbook/"),
        RootCase(baseURL: "https://x.github.io/my%20book/", root: "/my%20book/"),
        RootCase(baseURL: "https://handbook.example.com/", root: "/"),
        RootCase(baseURL: nil, root: "/"),
    ]

    @Test(arguments: roots)
    func notFoundPageStartsItsLinksAtTheSitePath(_ test: RootCase) async throws {
        var files = ["content/profiles/data-expert.md": minimalProfile]
        if let baseURL = test.baseURL { files["dossier.yml"] = "base_url: \(baseURL)\n" }
        let handbook = try TemporaryHandbook(files: files)
        _ = await handbook.build()
        let page = try handbook.read("404.html")
        #expect(page.contains("data-root=\"\(test.root)\""))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"\(test.root)assets/dossier.css\">"))
        #expect(page.contains("<script src=\"\(test.root)assets/dossier.js\" defer></script>"))
        #expect(page.contains("<a href=\"\(test.root)profiles/\">Profiles</a>"))
        #expect(page.contains("Go to the <a href=\"\(test.root)\">home page</a>"))
    }

    // MARK: Dangling separators

    /// A separator (` · `, ` — `, `,`) right before a closing tag, outside code and diagrams.
    static func danglingSeparators(in html: String) -> [String] {
        // Blocks of code and drawings go; inline code stays as a word (a list of them is not dangling).
        let blocks = try! NSRegularExpression(pattern: #"<(pre|svg|script)\b.*?</\1>"#, options: [.dotMatchesLineSeparators])
        let code = try! NSRegularExpression(pattern: #"<code\b.*?</code>"#, options: [.dotMatchesLineSeparators])
        var prose = blocks.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "")
        prose = code.stringByReplacingMatches(in: prose, range: NSRange(prose.startIndex..., in: prose), withTemplate: "code")
        let separator = try! NSRegularExpression(pattern: #"(?:\s[·—]|,)\s*</(?:p|li|span|td|th|dd|dt|h[1-6])>"#)
        return separator.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)).map { match in
            let range = Range(match.range, in: prose)!
            let start = prose.index(range.lowerBound, offsetBy: -60, limitedBy: prose.startIndex) ?? prose.startIndex
            return String(prose[start..<range.upperBound])
        }
    }

    @Test func theSeparatorFinderFindsWhatItShould() {
        #expect(Self.danglingSeparators(in: "<p>Handbook — </p>").count == 1)
        #expect(Self.danglingSeparators(in: "<p>Confidence 0.92 · 1 project · </p>").count == 1)
        #expect(Self.danglingSeparators(in: "<td class=\"heat\">—</td><p>a · b</p><pre>x, </pre>").isEmpty)
    }

    @Test func aHandbookWithoutADescriptionShowsNoEmptySeparators() async throws {
        let handbook = try TemporaryHandbook(files: [
            "dossier.yml": "title: Team Handbook\n",
            "content/profiles/data-expert.md": minimalProfile,
            "content/profiles/bare-expert.md": "# Bare Expert\n\n## Notes\n\n- nothing yet\n",
            "content/notes.md": "# Notes\n\n- one\n- two\n",
        ])
        _ = await handbook.build()
        for page in ["index.html", "profiles/data-expert/index.html", "notes/index.html", "matrix/index.html", "graph/index.html"] {
            let html = try handbook.read(page)
            #expect(html.contains("<p>Team Handbook</p>"), "\(page): the footer should show the title alone")
            #expect(Self.danglingSeparators(in: html).isEmpty, "\(page): \(Self.danglingSeparators(in: html))")
        }
        #expect(!(try handbook.read("index.html")).contains("<p class=\"lead\"></p>"))
        // A profile without a summary: no empty summary line under its name.
        let profiles = try handbook.read("profiles/index.html")
        #expect(profiles.contains(">Data Expert</a><span class=\"category\">Specialist in data pipelines.</span>"), "\(profiles)")
        #expect(profiles.contains(">Bare Expert</a></th>"), "\(profiles)")
        #expect(!profiles.contains("<span class=\"category\"></span>"))
    }

    @Test(arguments: BuiltSite.Handbook.allCases)
    func noPageEndsALineWithASeparator(handbook: BuiltSite.Handbook) async throws {
        guard let site = try await BuiltSite.build(handbook) else { return }  // the corpus is absent
        var found: [String] = []
        for path in site.files where path.hasSuffix(".html") {
            found += Self.danglingSeparators(in: try site.text(path)).map { "\(path): …\($0)" }
        }
        #expect(found.isEmpty, "\(found.count) dangling separators:\n\(found.prefix(20).joined(separator: "\n"))")
    }

    // MARK: Contents

    @Test func contentsAreOneClosedDisclosureWithOneName() async throws {
        let site = try await BuiltSite.sample()
        let page = try site.text("profiles/aws-expert/index.html")
        let nav = try #require(page.firstMatch(of: /<nav class="toc"[^>]*>(.*?)<\/nav>/.dotMatchesNewlines()))
        let toc = String(nav.output.1)
        #expect(nav.output.0.contains("aria-labelledby=\"toc-title\""))
        #expect(toc.matches(of: /<details\b/).count == 1)
        #expect(toc.contains("<details>"), "the disclosure must start closed (phones see the profile first)")
        #expect(toc.contains("<summary id=\"toc-title\">Contents</summary>"))
        #expect(!toc.contains("<h2"), "the summary names the contents; a heading would repeat it")
        // Wide screens show the list whatever the disclosure's state.
        let css = try Stylesheet.repository()
        let wide = try #require(css.block(after: "@media (min-width: 64rem)", containing: "::details-content"))
        #expect(wide.contains(".with-toc .toc details::details-content { content-visibility: visible; display: block; }"))
    }

    // MARK: Collaboration graph

    /// `count` profiles, each working with the next two and delegating to the one after.
    /// (Ids end in a role word, as agents' names do, so "Works best with" items are read.)
    static func ring(of count: Int) -> [String: String] {
        func id(_ n: Int) -> String { String(format: "agent%02d-expert", (n % count) + 1) }
        var files: [String: String] = [:]
        for n in 0..<count {
            files["content/profiles/\(id(n)).md"] = """
                # Agent \(id(n))

                ## Role & Expertise
                Builds part \(n) of the platform.

                ## Collaboration

                ### Optimal Collaboration Patterns
                - **Works best with**:
                  - \(id(n + 1)) (reviews)
                  - \(id(n + 2)) (pairing)

                ### Delegation to \(id(n + 3))
                Hands over the deployment.

                """
        }
        return files
    }

    /// The edge groups of the graph's SVG and whether each has a label.
    static func edges(in html: String) -> [(classes: String, labelled: Bool)] {
        html.matches(of: /<g data-from="[^"]*" data-to="[^"]*" class="(dg-edge[^"]*)"[^>]*>(.*?)<\/g>/.dotMatchesNewlines()).map {
            (String($0.output.1), $0.output.2.contains("<text"))
        }
    }

    @Test func aSmallGraphIsLayeredWithLabelledLinesALegendAndATable() async throws {
        let handbook = try TemporaryHandbook(files: Self.ring(of: 4))
        _ = await handbook.build()
        let page = try handbook.read("graph/index.html")
        #expect(page.contains("<figure class=\"diagram graph graph-layered\">"))
        #expect(page.contains("<title id=\"graph-title\">") && page.contains("<desc id=\"graph-desc\">"))
        let edges = Self.edges(in: page)
        #expect(!edges.isEmpty && edges.allSatisfy(\.labelled), "\(edges)")
        #expect(edges.contains { $0.classes.contains("dg-edge-thick") }, "delegations are drawn thick")
        #expect(page.contains("<ul class=\"graph-legend\" aria-label=\"Legend\">"))
        #expect(page.contains("<span class=\"legend-line legend-delegates\" aria-hidden=\"true\"></span>delegates to"))
        #expect(page.contains("<th scope=\"col\">Delegates to</th><th scope=\"col\">Works with</th>"))
        #expect(page.matches(of: /<tr><th scope="row"><a href="..\/profiles\/agent0\d-expert\/">/).count == 4)
    }

    @Test func aLargeGraphIsDrawnInRingsWithoutLabels() async throws {
        let handbook = try TemporaryHandbook(files: Self.ring(of: 24))
        _ = await handbook.build()
        let page = try handbook.read("graph/index.html")
        #expect(page.contains("<figure class=\"diagram graph graph-rings\">"))
        #expect(page.contains("<title id=\"graph-title\">") && page.contains("<desc id=\"graph-desc\">"))
        let edges = Self.edges(in: page)
        // 24 delegations and 48 pairs working together, less the pairs a delegation already joins.
        #expect(edges.count >= 48, "\(edges.count) lines")
        #expect(edges.allSatisfy { !$0.labelled }, "large graphs rely on the legend, not on labels")
        #expect(page.contains("legend-delegates") && page.contains("legend-together"))
        #expect(page.matches(of: /<tr><th scope="row"><a href="..\/profiles\/agent\d\d-expert\/">/).count == 24)
        #expect(!page.contains("font-size=\"12\""), "no edge label text")
    }

    // MARK: Stylesheet

    /// The numbers in heat cells, the mean beside a count included, keep 4.5:1 in both themes.
    @Test func secondaryNumbersInHeatCellsKeepTheirContrast() throws {
        let css = try Stylesheet.repository()
        let rule = try #require(css.declarations(of: ".heat .muted"), "no .heat .muted rule: the muted colour would sit on the heat colours")
        #expect(["inherit", "currentColor"].contains(rule["color"] ?? ""), "\(rule)")
        let opacity = Double(rule["opacity"] ?? "1") ?? 1
        let theme = try ThemeContrastTests.ThemeColours.repository()
        for step in 0...5 {
            let text = try #require(theme.properties[step < 4 ? "--heat-dark-text" : "--heat-light-text"])
            let background = try #require(theme.properties["--heat-\(step)"])
            for scheme in ThemeContrastTests.Scheme.allCases {
                let seen = Stylesheet.blend(text[scheme], over: background[scheme], opacity: opacity)
                let ratio = ThemeContrastTests.contrast(seen, background[scheme])
                #expect(ratio >= 4.5, "mean in a heat-\(step) cell, \(scheme) theme: \(ThemeContrastTests.format(ratio)):1")
            }
        }
    }

    /// The graph's line colours are graphics: 3:1 against the page in both themes.
    @Test(arguments: ["--graph-delegates", "--graph-hands-off", "--graph-together"])
    func graphLineColoursStandOut(property: String) throws {
        let theme = try ThemeContrastTests.ThemeColours.repository()
        let colour = try #require(theme.properties[property], "\(property) is not a light-dark() colour on :root")
        let page = try #require(theme.properties["--bg"])
        for scheme in ThemeContrastTests.Scheme.allCases {
            #expect(ThemeContrastTests.contrast(colour[scheme], page[scheme]) >= 3, "\(property), \(scheme) theme")
        }
    }

    @Test func phoneRulesKeepPagesFromScrollingSideways() throws {
        let css = try Stylesheet.repository()
        #expect(css.declarations(of: ".guide :is(h1, h2, h3, p, li, dt, dd, .v)")?["overflow-wrap"] == "anywhere")
        #expect(css.declarations(of: ".pattern-facts .fact")?["flex-wrap"] == "wrap")
        let narrow = try #require(css.block(after: "@media (max-width: 48rem)", containing: "figure.diagram svg"))
        #expect(narrow.contains("figure.diagram svg { max-width: none !important; }"), "diagrams keep their size on phones and scroll")
        #expect(css.declarations(of: "figure.diagram")?["overflow-x"] == "auto")
        let heat = try #require(css.declarations(of: ".data-table td.heat"))
        #expect(heat["text-align"] == "right" && heat["vertical-align"] == "middle", "\(heat)")
    }

    @Test func matrixAndPatternWording() async throws {
        let site = try await BuiltSite.sample()
        let matrix = try site.text("matrix/index.html")
        #expect(!matrix.contains("darker means"), "darker is less confident in the dark theme")
        #expect(matrix.contains("the stronger its colour, the more confident"))
        let pattern = try site.text("patterns/data-pipeline-handoff/index.html")
        let users = try #require(pattern.firstMatch(of: /Primary Users<\/span> <span class="fact-value">(.*?)<\/span><\/span>/))
        #expect(users.output.1.contains("</a>, <a "), "names separated by commas: \(users.output.1)")
    }
}

/// The repository's stylesheet as text, with the few lookups the tests need.
struct Stylesheet {
    let text: String

    static func repository() throws -> Stylesheet {
        Stylesheet(text: try String(contentsOf: repositoryRoot.appendingPathComponent("templates/assets/dossier.css"), encoding: .utf8))
    }

    /// The declarations of the first top-level rule whose selector is exactly `selector`.
    func declarations(of selector: String) -> [String: String]? {
        for line in text.split(separator: "\n") where line.hasPrefix(selector + " {") {
            let body = line.dropFirst(selector.count + 2).prefix { $0 != "}" }
            var declarations: [String: String] = [:]
            for declaration in body.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                declarations[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            return declarations
        }
        return nil
    }

    /// The text of the first `at` block (an `@media` line) that contains `needle`.
    func block(after at: String, containing needle: String) -> String? {
        var rest = text[...]
        while let start = rest.range(of: at + " {") {
            var depth = 0
            var end = start.upperBound
            for index in rest[start.lowerBound...].indices {
                if rest[index] == "{" { depth += 1 }
                if rest[index] == "}" { depth -= 1; if depth == 0 { end = index; break } }
            }
            let block = String(rest[start.lowerBound..<end])
            if block.contains(needle) { return block }
            rest = rest[end...]
        }
        return nil
    }

    /// `colour` drawn at `opacity` over `background`.
    static func blend(_ colour: ThemeContrastTests.RGB, over background: ThemeContrastTests.RGB, opacity: Double) -> ThemeContrastTests.RGB {
        func channel(_ a: Double, _ b: Double) -> String { String(format: "%02x", Int((a * opacity + b * (1 - opacity)) * 255 + 0.5)) }
        return ThemeContrastTests.RGB(hex: "#" + channel(colour.red, background.red) + channel(colour.green, background.green) + channel(colour.blue, background.blue))!
    }
}
