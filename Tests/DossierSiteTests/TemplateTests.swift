import DossierCore
import DossierRender
import Foundation
import Testing
import DossierTestSupport

struct TemplateTests {
    /// The templates inside the binary are the repository's templates/ folder, byte for byte.
    @Test func builtInTemplatesMatchTheRepository() throws {
        let folder = repositoryRoot.appendingPathComponent("templates")
        let onDisk = try snapshot(of: folder)
        #expect(!onDisk.isEmpty)
        #expect(Set(onDisk.keys) == Set(TemplateSet.builtIn.keys))
        for (name, data) in onDisk {
            #expect(TemplateSet.builtIn[name] == Array(data), "templates/\(name) differs from the built-in copy")
        }
    }

    /// The README documents the values of every template: a template added without a row in
    /// its table fails here.
    @Test func theReadmeDocumentsEveryTemplate() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let names = TemplateSet.builtIn.keys.filter { $0.hasSuffix(".mustache") }
        #expect(names.count > 10)
        for name in names {
            #expect(readme.contains("| `\(name)` |"), "README.md has no row for templates/\(name)")
        }
    }

    @Test func everyRequiredTemplateIsBuiltIn() {
        let (templates, diagnostics) = TemplateSet.load(overrides: nil)
        #expect(diagnostics.isEmpty)
        for name in TemplateSet.required { #expect(templates.library.template(named: name) != nil, "\(name)") }
        #expect(templates.assets["assets/dossier.css"] != nil)
    }

    @Test func aHandbookTemplateOverridesTheBuiltInByName() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": "# Alpha\n",
            "content/b.md": "# Beta\n",
            "templates/profile.mustache": "<p class=\"custom\">{{title}} — {{{body}}}</p>",
            "templates/assets/dossier.css": "body { color: red }",
            "templates/assets/extra.js": "console.log(1)",
        ])
        let report = await handbook.build()
        #expect(report.diagnostics.isEmpty)
        #expect(try handbook.read("profiles/a/index.html").hasPrefix("<p class=\"custom\">Alpha — <span id=\"alpha\"></span>"))
        #expect(try handbook.read("b/index.html").contains("<!doctype html>"))  // other kinds keep the default
        #expect(try handbook.read("assets/dossier.css") == "body { color: red }")
        #expect(try handbook.read("assets/extra.js") == "console.log(1)")
    }

    @Test func aBrokenTemplateIsAnErrorAndTheDefaultIsUsed() async throws {
        let handbook = try TemporaryHandbook(files: [
            "content/profiles/a.md": "# Alpha\n",
            "templates/profile.mustache": "<h1>{{title}}</h1>\n{{#items}}\n<li>{{name}}</li>\n",
        ])
        let report = await handbook.build()
        let error = try #require(report.diagnostics.first { $0.code == "template.syntax" })
        #expect(error.severity == .error)
        #expect(error.location?.path == "templates/profile.mustache")
        #expect(try handbook.read("profiles/a/index.html").contains("<!doctype html>"))
    }
}
