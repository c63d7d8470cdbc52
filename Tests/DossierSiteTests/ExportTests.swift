import DossierCore
import DossierModel
import DossierRender
import DossierSite
import DossierTestSupport
import Foundation
import Testing

struct ExportTests {
    /// The export of the sample handbook and of the shared corpus validates against the schema
    /// Dossier writes beside it. The schema's objects are closed, so a field the schema does not
    /// describe fails here.
    @Test func exportValidatesAgainstTheSchema() async throws {
        let corpusRead = try await SharedCorpus.buildSampleAndCorpus { root, output in
            let result = try runPython("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            document = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
            for e in errors[:20]: print("/".join(map(str, e.absolute_path)), e.message)
            sys.exit(1 if errors else 0)
            """, arguments: [output.appendingPathComponent("data/dossier.schema.json").path, output.appendingPathComponent("data/dossier.json").path])
            #expect(result.status == 0, "\(root.path): \(result.output)")
        }
        if !corpusRead { print("../shared/corpus is absent: the export was validated on the sample handbook only") }
    }

    @Test func exportCommandWritesTheSameBytesAsTheBuild() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": "# A\n\n## Capability Confidence Levels\n### Primary Expertise (≥0.85)\n- Thing: 0.99\n\nSee [b](b.md) and [gone](gone.md).\n",
            "content/profiles/b.md": "# B\n",
            "content/patterns/p.md": "# P\n\n**Confidence**: HIGH (0.9)\n",
            "content/about.md": "# About\n",
        ])
        _ = await handbook.build()
        let built = try Data(contentsOf: handbook.site.appendingPathComponent("data/dossier.json"))
        let model = await SiteReader(root: handbook.root).read()
        let exported = Data(try SiteExport(model: model).json())
        #expect(built == exported)
        #expect(model.diagnostics.contains { $0.code == "link.missing-document" })
    }

    /// `SiteExport.json()` encodes profiles one by one and indents them into place; the bytes
    /// must be exactly what `JSONEncoder` makes of the whole value, empty arrays included.
    @Test func elementWiseExportMatchesJSONEncoder() async throws {
        var models = await SharedCorpus.sampleAndCorpusModels()
        let empty = try TemporaryHandbook(files: ["content/about.md": "# About\n"])
        // More documents than one batch of the parallel encoder (64 per core).
        var pages: [String: String] = [:]
        for n in 0..<530 { pages["content/notes/n\(n).md"] = "# Note \(n)\n\n- `code` and **bold**\n" }
        let many = try TemporaryHandbook(files: pages)
        for root in [empty.root, many.root] { models.append((root, await SiteReader(root: root).read())) }
        for (root, model) in models {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let whole = Array(try encoder.encode(SiteExport(model: model))) + [0x0A]
            let pieced = try SiteExport(model: model).json()
            #expect(pieced == whole, "\(root.path)")
        }
    }

    @Test func csvTablesCarryOwnerAndLineAndLeaveTemplatesOut() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": """
            # A
            ## Capability Confidence Levels
            ### Primary Expertise (≥0.85)
            - Deploying, "quoted" things: 0.90 (note, with comma)
            ## Service Expertise Matrix
            ### Compute
            - **Lambda**: 0.92 - Functions
            """,
            "content/profiles/role-template.md": "# T\n## Capability Confidence Levels\n### Primary Expertise (≥0.85)\n- Placeholder: 0.90\n",
        ])
        _ = await handbook.build()
        let capabilities = try handbook.read("data/capabilities.csv")
        #expect(capabilities == """
        profile,tier,tierLevel,name,confidence,previousConfidence,status,note,lastUpdated,path,line\r
        a,primary,primary,"Deploying, ""quoted"" things",0.9,,,"note, with comma",,content/profiles/a.md,4\r

        """)
        #expect(try handbook.read("data/services.csv").contains("a,Compute,Lambda,0.92,Functions,content/profiles/a.md,7\r\n"))
        #expect(try handbook.read("data/scores.csv").contains("a,,Capability Confidence Levels › Primary Expertise (≥0.85),\"Deploying, \"\"quoted\"\" things\",0.9"))
        #expect(!(try handbook.read("data/scores.csv")).contains("Placeholder"))
        // Templates stay in the JSON, marked, but out of the tables and the home page.
        #expect(try handbook.read("data/dossier.json").contains("\"template\" : true"))
        #expect(!(try handbook.read("index.html")).contains("role-template"))
        #expect(handbook.exists("profiles/role-template/index.html"))
    }

    /// The tables are written a piece at a time; the pieces together are the whole table,
    /// and each piece ends at a row.
    @Test func csvTablesStreamedInPiecesAreTheWholeTables() async throws {
        for (root, model) in await SharedCorpus.sampleAndCorpusModels() {
            var pieceCount = 0
            for spec in CSVTables(model: model).specs {
                var streamed: [UInt8] = []
                try spec.write(pieceSize: 64) { piece in
                    #expect(piece.suffix(2) == [0x0D, 0x0A], "\(spec.name)")
                    streamed += piece
                    pieceCount += 1
                }
                #expect(streamed == spec.table().bytes, "\(root.path): \(spec.name)")
            }
            #expect(pieceCount > 3 * CSVTables(model: model).specs.count, "\(root.path): \(model.profiles.count) profiles")
        }
    }

    /// With keys, the export says where each element went. An export made of elements
    /// encoded one at a time beforehand (what a build keeps in its spool) is the same bytes,
    /// with the same layout.
    @Test func exportElementsAreLocatedAndEncodedAlone() async throws {
        for (root, model) in await SharedCorpus.sampleAndCorpusModels() {
            let export = SiteExport(model: model)
            let keys = SiteExport.Keys(profiles: model.profiles.map { "profile " + $0.id },
                                       patterns: model.patterns.indices.map { "pattern \($0)" },
                                       documents: model.pages.map { "page " + $0.source.path })
            var first: [UInt8] = []
            let layout = try export.write(keys: keys) { first += $0 }
            #expect(first == (try export.json()), "\(root.path)")
            #expect(layout.profiles.count == model.profiles.count && layout.patterns.count == model.patterns.count
                    && layout.documents.count == model.pages.count, "\(root.path)")
            for profile in model.profiles {
                let slice = try #require(layout.profiles["profile " + profile.id])
                let element = try JSONSerialization.jsonObject(with: Data(first[slice.offset ..< slice.offset + slice.count])) as? [String: Any]
                #expect(element?["id"] as? String == profile.id)
            }

            let reads = Locked(0)
            let counts: [SiteExport.ElementArray: Int] = [.profiles: model.profiles.count, .patterns: model.patterns.count, .documents: model.pages.count]
            let encoded = EncodedExport(config: model.config, diagnostics: model.diagnostics, counts: counts) { array, index in
                reads.withLock { $0 += 1 }
                switch array {
                case .profiles: return try SiteExport.element(model.profiles[index])
                case .patterns: return try SiteExport.element(model.patterns[index])
                case .documents: return try SiteExport.element(model.pages[index])
                }
            }
            var second: [UInt8] = []
            let again = try encoded.write(keys: keys) { second += $0 }
            #expect(second == first && again == layout, "\(root.path)")
            #expect(reads.withLock { $0 } == model.profiles.count + model.patterns.count + model.pages.count)
        }
    }

    /// A build encodes each document's share of `data/` while it reads the document, keeps it
    /// in a scratch file and copies it into place: every file is what `DataExport` makes of
    /// the whole model.
    @Test func theBuildsDataFilesAreTheModelsExport() async throws {
        try await SharedCorpus.buildSampleAndCorpus(configure: { $0.useCache = false }) { root, output in
            let model = await SiteReader(root: root).read()
            let files = try DataExport(model: model).files()
            #expect(files.count == 2 + CSVTables.tables.count)
            for (path, bytes) in files {
                let built = try Data(contentsOf: output.appendingPathComponent(path))
                #expect(built == Data(bytes), "\(root.path): \(path)")
                if path.hasSuffix(".csv") { #expect(bytes.count > 200 || root != repositoryRoot, "\(path) has rows") }
            }
        }
    }

    @Test func frontMatterNamesBecomeIDsAndRelationsResolve() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/data-architect-role.md": "---\nname: da-architect\n---\n# D&A Architect\n",
            "content/profiles/other.md": "---\nname: da-architect\n---\n# Other\n",
            "content/profiles/aws.md": "# AWS Expert\n## Collaboration\n- **Works best with**:\n  - da-architect (decisions)\n  - data-architect (same one)\n  - ghost-expert (nobody)\n",
        ])
        let report = await handbook.build()
        #expect(handbook.exists("profiles/da-architect/index.html"))
        #expect(handbook.exists("profiles/other/index.html"))
        let duplicate = try #require(report.diagnostics.first { $0.code == "document.duplicate-name" })
        #expect(duplicate.location?.path == "content/profiles/other.md")
        let model = await SiteReader(root: handbook.root).read()
        let aws = try #require(model.profiles.first { $0.id == "aws" })
        // `data-architect` names data-architect-role.md (whose id is its front matter name).
        #expect(aws.relations.map(\.targetID) == ["da-architect", "da-architect", nil])
        #expect(model.diagnostics.contains { $0.code == "relation.unresolved" && $0.severity == .note && $0.message.contains("ghost-expert") })
    }
}

/// The shared corpus laid out as a handbook in a temporary folder, or `nil` when absent.
enum SharedCorpus {
    static let source = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/adlc")

    static func handbook() -> TemporaryHandbook? {
        guard FileManager.default.fileExists(atPath: source.path), let handbook = try? TemporaryHandbook() else { return nil }
        for folder in ["profiles", "patterns"] {
            let from = source.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: from.path)) ?? [] where name.hasSuffix(".md") {
                if let text = try? String(contentsOf: from.appendingPathComponent(name), encoding: .utf8) {
                    try? handbook.write("content/\(folder)/\(name)", text)
                }
            }
        }
        return handbook
    }

    /// Builds the sample handbook and, when `../shared` is present, the shared corpus, each
    /// into a temporary folder, and hands each root and output to `body` (expecting the
    /// build committed). Returns whether the corpus was there.
    @discardableResult
    static func buildSampleAndCorpus(configure: (inout SiteBuilder) -> Void = { _ in },
                                     _ body: (_ root: URL, _ output: URL) async throws -> Void) async throws -> Bool {
        let corpus = handbook()
        for root in [repositoryRoot] + [corpus?.root].compactMap({ $0 }) {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-built-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            var builder = SiteBuilder(root: root, output: output)
            configure(&builder)
            let report = await builder.build()
            #expect(report.committed, "\(root.path)")
            try await body(root, output)
        }
        return corpus != nil
    }

    /// The model of the sample handbook and, when `../shared` is present, of the shared
    /// corpus, each with the folder it was read from. The corpus's temporary handbook is
    /// deleted when let go, so it is read here while it exists: a test that kept only its
    /// root would read an empty folder.
    static func sampleAndCorpusModels() async -> [(root: URL, model: SiteModel)] {
        var models = [(repositoryRoot, await SiteReader(root: repositoryRoot).read())]
        if let corpus = handbook() {
            let model = await SiteReader(root: corpus.root).read()
            #expect(!model.profiles.isEmpty && !model.patterns.isEmpty, "the shared corpus was read")
            models.append((corpus.root, model))
        }
        return models
    }
}

/// Runs a Python script (the test suite's schema validator); `.ci/test` installs jsonschema.
func runPython(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
    let output = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
    return (output.status, output.stdout + output.stderr)
}
