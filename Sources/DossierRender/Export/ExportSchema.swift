import Foundation

/// The JSON Schema (draft 2020-12) of `data/dossier.json`, written to
/// `data/dossier.schema.json`. It describes every field; a test validates real exports
/// against it.
public enum ExportSchema {
    public static let json: String = {
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }()

    static var document: [String: Any] {
        var root = SchemaNode.object("Everything a Dossier handbook says, as data: its profiles, patterns, pages and the problems found reading them.", [
            required("schemaVersion", .constant("Version of this contract. A change to any field bumps it.", SiteExport.schemaVersion)),
            required("generator", .object("The program that wrote the export.", [
                required("name", .string("Always `Dossier`.")), required("version", .string("Dossier's version.")),
            ])),
            required("site", .object("The handbook's settings from `dossier.yml`.", [
                required("title", .string("The handbook's title.")),
                required("description", .string("The handbook's description; empty when not set.")),
                required("baseURL", .string("The public address the site is served from, ending in `/`; empty when not set.")),
            ])),
            required("profiles", .array("Every profile, templates included (marked `template`).", .reference("A profile.", "Profile"))),
            required("patterns", .array("Architecture patterns of profiles and pattern documents together; `profile` or `document` names the owner.", .reference("A pattern.", "Pattern"))),
            required("documents", .array("Plain pages (Markdown outside `profiles/` and `patterns/`).", .reference("A page.", "Page"))),
            required("diagnostics", .array("Problems found reading the handbook, sorted by file and line.", .reference("A problem.", "Diagnostic"))),
        ]).json
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://dossier.invalid/schema/dossier-\(SiteExport.schemaVersion).json"
        root["title"] = "Dossier export"
        root["$defs"] = definitions.mapValues(\.json)
        return root
    }

    static var line: SchemaNode { .integer("1-based line in the source file.") }
    static func text(_ description: String) -> SchemaNode { .array(description, .string("One entry.")) }
    /// The formatted twin of a `text` list: the same entries, in order, as formatted text.
    static func formatted(_ field: String) -> SchemaNode {
        .array("`\(field)` with inline formatting, entry for entry.", .reference("One entry.", "InlineText"))
    }

    static var definitions: [String: SchemaNode] {
        [
            "SourceRef": .object("Where something came from.", [
                required("path", .string("Path relative to the handbook root, such as `content/profiles/aws-expert.md`.")),
                required("line", line),
            ]),
            "Profile": .object("One agent's expertise profile.", [
                required("id", .string("Slug of the file name; front matter `name` wins. Unique among profiles.")),
                required("title", .string("The H1, else front matter `name`, else the file name.")),
                optional("description", .string("Front matter `description`, else the first paragraph of the role section.")),
                required("frontMatter", .map("Every front matter key, as JSON values.", .anyValue("A front matter value."))),
                required("source", .reference("The file.", "SourceRef")),
                required("template", .boolean("A template (`*-template.md` or `template: true`): left out of listings and CSV tables.")),
                optional("role", .string("The first paragraph of the role section (`Role & Expertise`, `Role`, `Expertise`, `Core Expertise`).")),
                required("responsibilities", text("List items of `Core Responsibilities`.")),
                required("tiers", .array("The tiers under `Capability Confidence Levels`.", .reference("A tier.", "Tier"))),
                required("capabilities", .array("Every capability listed in a tier.", .reference("A capability.", "Capability"))),
                required("scores", .array("Every list item or table row in the file that carries a confidence score.", .reference("A score.", "Score"))),
                required("services", .array("The service expertise matrix.", .reference("A service.", "Service"))),
                required("metrics", .array("`**Key**: value` lines of performance metrics sections.", .reference("A metric.", "Metric"))),
                required("knowledge", .reference("Best practices, common patterns, knowledge gaps and improvement priorities.", "Knowledge")),
                required("troubleshooting", .array("Known problems and their solutions.", .reference("An entry.", "Troubleshooting"))),
                required("relations", .array("Relations to other agents.", .reference("A relation.", "Relation"))),
                required("patterns", text("Ids of the profile's architecture patterns (see top-level `patterns`).")),
                required("diagrams", .array("Every diagram in the file, read into a graph.", .reference("A diagram.", "Diagram"))),
                required("sections", .array("The heading tree.", .reference("A section.", "Section"))),
            ]),
            "Tier": .object("A band of confidence, such as `Primary Expertise (≥0.85)`.", [
                required("id", .string("`primary`, `secondary`, `developing`, or the slug of another heading (`requires-specialist`).")),
                required("title", .string("The heading as written.")),
                required("level", .oneOf("The standard band the tier maps to, for colours and comparisons.", ["primary", "secondary", "developing"])),
                optional("range", .reference("The band read from the heading.", "ConfidenceRange")),
                optional("description", .string("The italic line under the heading.")),
                required("line", line),
            ]),
            "ConfidenceRange": .object("Bounds of a confidence band.", [
                required("min", .confidence("Lower bound.")), required("max", .confidence("Upper bound.")),
                required("minInclusive", .boolean("Whether `min` is in the band (`≥`).")),
                required("maxInclusive", .boolean("Whether `max` is in the band (`≤`, a range); false for `<`.")),
            ]),
            "Capability": .object("A capability listed in a tier.", [
                required("name", .string("What the agent can do.")),
                required("confidence", .number("0…1 (a value outside is reported as a warning and kept); the later value of a change.")),
                required("tier", .string("Id of the tier it is listed under.")),
                optional("note", .string("The parenthetical, without a `last updated:` clause.")),
                optional("lastUpdated", .string("From `last updated: X`.")),
                optional("previousConfidence", .number("The earlier value of a recorded change (`0.75` in `0.75 → 0.88`).")),
                optional("status", .string("Text recorded with a change that is not a number (`PROMOTED to Primary`).")),
                required("details", text("Nested sub-bullets.")),
                required("line", line),
            ]),
            "Score": .object("A confidence score found in a list item or table row.", [
                required("section", text("The headings above it, outermost first (H2, H3, …).")),
                required("name", .string("What is scored.")),
                required("confidence", .confidence("The later value of a change, the lower bound of a range, else the value.")),
                optional("min", .confidence("Lower bound of a range (`0.80-0.85`).")),
                optional("max", .confidence("Upper bound of a range.")),
                optional("previous", .confidence("Earlier value of a change (`0.75 → 0.95`).")),
                optional("level", .string("A level word written with it (`HIGH`, `MEDIUM-HIGH`).")),
                required("line", line),
            ]),
            "Service": .object("An entry of the service expertise matrix.", [
                required("category", .string("The H3 it is listed under (`General` when there is none).")),
                required("name", .string("The service (`Lambda`).")),
                required("confidence", .number("0…1.")),
                optional("description", .string("The text after the score.")),
                required("line", line),
            ]),
            "Metric": .object("A performance metric.", [
                required("section", .string("The heading it is listed under.")),
                required("key", .string("The bold label.")),
                required("value", .string("The value as written.")),
                optional("rate", .number("A leading percentage as a fraction (`100%` → 1).")),
                optional("count", .integer("A leading whole number.")),
                optional("successes", .integer("From `(N success / M attempt)`.")),
                optional("attempts", .integer("From `(N success / M attempt)`.")),
                required("line", line),
            ]),
            "Knowledge": .object("What the profile has learned.", [
                required("bestPractices", .array("Items of `Best Practices` sections.", .reference("A best practice.", "BestPractice"))),
                required("commonPatterns", .array("Items of `Common Patterns` sections.", .reference("A common pattern.", "CommonPattern"))),
                required("gaps", .array("Items of `Knowledge Gaps` sections.", .reference("A gap.", "KnowledgeGap"))),
                required("priorities", .array("Items of `Improvement Priorities` sections.", .reference("A priority.", "ImprovementPriority"))),
            ]),
            "CodeSnippet": .object("A code block.", [
                optional("language", .string("The first word of the fence's info string.")),
                required("code", .string("The code.")), required("line", line),
                optional("detail", .integer("In a best practice or common pattern: the index (from 0) of the entry of `items` / `details` the block is written under. Absent when it comes before them.")),
            ]),
            "BestPractice": .object("A best practice.", [
                required("title", .string("The bold title (or the item's text).")),
                optional("learnedFrom", .string("From `(learned from: X)`.")),
                required("items", text("Sub-bullets.")),
                required("itemsFormatted", formatted("items")),
                required("code", .array("Code blocks inside the item.", .reference("A snippet.", "CodeSnippet"))),
                required("line", line),
            ]),
            "CommonPattern": .object("A common pattern of the knowledge base.", [
                required("name", .string("The bold title.")),
                optional("confidence", .confidence("From `(confidence: 0.92, …)`.")),
                optional("usage", .string("From `usage: 1 project`.")),
                optional("source", .string("From `source: X`.")),
                required("details", text("Sub-bullets and paragraphs, flattened.")),
                required("detailsFormatted", formatted("details")),
                required("code", .array("Code blocks inside the item.", .reference("A snippet.", "CodeSnippet"))),
                required("line", line),
            ]),
            "KnowledgeGap": .object("A knowledge gap.", [
                required("title", .string("The bold title.")),
                optional("identifiedIn", .string("From `identified in: X`.")),
                optional("priority", .string("From `priority: high`.")),
                required("details", text("Sub-bullets.")), required("line", line),
            ]),
            "ImprovementPriority": .object("An improvement priority.", [
                required("title", .string("The bold title.")),
                optional("current", .confidence("From `current confidence: 0.70`.")),
                optional("target", .number("From `target: 0.85`.")),
                required("details", text("Sub-bullets.")), required("line", line),
            ]),
            "Troubleshooting": .object("A known problem and what fixed it.", [
                required("shape", .oneOf("`one-line` (`- **Problem** → Solution: …`) or `block` (`#### Issue:` with labelled parts).", ["one-line", "block"])),
                required("problem", .string("The problem.")),
                optional("solution", .string("The solution (for blocks, the resolution).")),
                optional("solutionFormatted", .reference("`solution` with inline formatting.", "InlineText")),
                optional("successRate", .confidence("From `(success rate: 100%)` or `(95% success rate)`, as a fraction.")),
                optional("symptoms", .string("`**Symptoms**` of a block.")),
                required("rootCauses", text("`**Root Causes**` of a block.")),
                required("diagnosticSteps", text("`**Diagnostic Steps**` of a block; nested bullets of a one-liner.")),
                optional("resolution", .string("`**Resolution**` or `**Solution**` of a block.")),
                required("line", line),
            ]),
            "Relation": .object("A relation to another agent.", [
                required("kind", .oneOf("How they relate.", ["works-with", "delegates-to", "integrates-with", "hands-off-to", "used-by"])),
                required("direction", .oneOf("`outgoing`: from this document to the target; `incoming`: from the target to this one.", ["outgoing", "incoming"])),
                required("target", .string("The agent as written.")),
                optional("targetID", .string("The profile it names in this handbook.")),
                required("resolved", .boolean("Whether the target is a profile in this handbook.")),
                optional("note", .string("What the source says about the relation.")),
                optional("successRate", .confidence("From `(success rate from 1 project: 100%)`.")),
                required("line", line),
            ]),
            "Pattern": .object("An architecture pattern of a profile, or a pattern document.", [
                required("id", .string("Unique in the handbook; the deployment guide is at `guides/<id>/`.")),
                required("kind", .oneOf("Where it comes from.", ["architecture", "document"])),
                required("title", .string("The title, without `Pattern N:` and trailing status or confidence.")),
                optional("profile", .string("Owning profile's id (architecture patterns).")),
                optional("document", .string("The pattern document's id.")),
                optional("number", .integer("`N` of `Pattern N:`.")),
                optional("status", .string("A status word after the title (`Future`, `Current`).")),
                optional("confidence", .confidence("The pattern's confidence.")),
                optional("level", .string("A level word (`HIGH`).")),
                optional("confidenceNote", .string("Text after the confidence.")),
                optional("cost", .reference("The cost estimate.", "Cost")),
                required("provenIn", text("Where it was proven (`Proven in`, comma-separated).")),
                optional("useCase", .string("`Use case`.")),
                optional("patternType", .string("`Pattern Type` of a pattern document.")),
                required("tools", text("`Tools` of a pattern document.")),
                required("properties", .array("Every `**Key**: value` of the pattern as written.", .reference("A property.", "Property"))),
                required("whenToUse", text("When to use it.")),
                required("whenNotToUse", text("When not to use it.")),
                required("prerequisites", text("Prerequisites.")),
                required("implementation", .array("Implementation steps.", .reference("A step.", "PatternStep"))),
                required("monitoring", text("Monitoring and validation.")),
                required("rollback", text("Rollback procedure; empty when the source documents none.")),
                required("whenToUseFormatted", formatted("whenToUse")),
                required("whenNotToUseFormatted", formatted("whenNotToUse")),
                required("prerequisitesFormatted", formatted("prerequisites")),
                required("monitoringFormatted", formatted("monitoring")),
                required("rollbackFormatted", formatted("rollback")),
                optional("problem", .reference("The problem statement of a pattern document.", "ProblemStatement")),
                required("relatedPatterns", .array("Related patterns.", .reference("A link.", "RelatedLink"))),
                optional("diagramBlock", .reference("The architecture diagram's code block as written.", "TextBlock")),
                optional("diagram", .reference("The architecture diagram as a graph.", "Diagram")),
                required("services", text("Services of the owner's matrix the pattern involves.")),
                required("relations", .array("Agents named as `Primary Users` of a pattern document.", .reference("A relation.", "Relation"))),
                optional("description", .string("A pattern document's summary.")),
                required("frontMatter", .map("A pattern document's front matter.", .anyValue("A value."))),
                required("diagrams", .array("Every diagram of a pattern document.", .reference("A diagram.", "Diagram"))),
                required("scores", .array("Every score of a pattern document.", .reference("A score.", "Score"))),
                required("sections", .array("A pattern document's heading tree.", .reference("A section.", "Section"))),
                required("source", .reference("Where it starts.", "SourceRef")),
                required("template", .boolean("Whether its file is a template.")),
            ]),
            "Cost": .object("A cost estimate.", [
                required("text", .string("As written.")),
                optional("min", .number("Lower amount.")), optional("max", .number("Upper amount (equal to `min` for one amount).")),
                optional("currency", .string("ISO 4217 code (`USD`).")),
                optional("period", .oneOf("Per what time.", ["hour", "day", "week", "month", "year"])),
                optional("unit", .string("Per what, other than time (`1M requests`).")),
                optional("qualifier", .string("Words after the amount (`moderate usage`).")),
                required("parsed", .boolean("Whether an amount was read.")),
            ]),
            "Property": .object("A `**Key**: value` pair.", [
                required("key", .string("The key.")), required("value", .string("The value.")), required("line", line),
            ]),
            "PatternStep": .object("An implementation step.", [
                optional("number", .string("`N` of `Step N:` (`3`, `2A`).")),
                required("title", .string("The step.")),
                optional("text", .string("Paragraphs of a `Step N` section.")),
                required("items", text("List items of a `Step N` section.")),
                required("titleFormatted", .reference("`title` with inline formatting.", "InlineText")),
                optional("textFormatted", .reference("`text` with inline formatting.", "InlineText")),
                required("itemsFormatted", formatted("items")),
                required("code", .array("Code blocks of the step.", .reference("A snippet.", "CodeSnippet"))),
                required("line", line),
            ]),
            "ProblemStatement": .object("What a pattern document solves.", [
                optional("scenario", .string("`Scenario`.")), optional("challenge", .string("`Challenge`.")),
                optional("goal", .string("`Goal`.")), optional("symptoms", .string("`Symptoms`.")),
                optional("text", .string("The section's other text.")), required("line", line),
            ]),
            "RelatedLink": .object("A related pattern.", [
                required("title", .string("Its name.")), optional("target", .string("A link or path.")),
                optional("note", .string("Other text.")), required("line", line),
            ]),
            "InlineText": .array("Text with its inline formatting, as runs; the plain text is the `text` of its `text` and `code` runs, in order.",
                                  .reference("A run.", "InlineSpan")),
            "InlineSpan": .object("A run of formatted text: `text` and `code` hold characters, `strong`, `emphasis` and `link` hold runs.", [
                required("kind", .oneOf("What the run is.", ["text", "code", "strong", "emphasis", "link"])),
                optional("text", .string("The characters of a `text` or `code` run.")),
                optional("url", .string("A link's destination as written in the source (relative to the source file).")),
                optional("children", .array("The runs inside `strong`, `emphasis` or `link`.", .reference("A run.", "InlineSpan"))),
            ]),
            "TextBlock": .object("A fenced code block as written.", [
                required("info", .string("The info string.")), required("text", .string("The content.")),
                required("line", .integer("Line of the opening fence.")),
            ]),
            "Diagram": .object("A diagram read into a graph.", [
                required("kind", .oneOf("How it was written.", ["arrow", "mermaid"])),
                required("direction", .oneOf("Which way it flows.", ["LR", "TB", "RL", "BT"])),
                required("nodes", .array("Nodes.", .reference("A node.", "DiagramNode"))),
                required("edges", .array("Edges.", .reference("An edge.", "DiagramEdge"))),
                required("clusters", .array("Groups of nodes (Mermaid subgraphs).", .reference("A cluster.", "DiagramCluster"))),
                required("mermaid", .string("The same graph as Mermaid flowchart text.")),
                required("source", .reference("The fence line.", "SourceRef")),
            ]),
            "DiagramNode": .object("A node.", [
                required("id", .string("Unique in the diagram.")), required("label", .string("The text.")),
                required("shape", .oneOf("Mermaid's shape.", ["box", "rounded", "stadium", "subroutine", "cylinder", "circle", "asymmetric", "rhombus", "hexagon"])),
                optional("service", .string("The service of the owner's matrix it names.")),
                required("future", .boolean("Marked `(future)`: drawn dashed.")),
                optional("style", .reference("Mermaid style.", "DiagramStyle")),
            ]),
            "DiagramEdge": .object("An edge.", [
                required("from", .string("Source node id.")), required("to", .string("Target node id.")),
                optional("label", .string("The edge's label.")),
                required("style", .oneOf("Line style.", ["solid", "dotted", "thick"])),
                required("arrow", .boolean("Whether it has an arrowhead.")),
                optional("color", .string("From Mermaid `linkStyle`.")),
            ]),
            "DiagramCluster": .object("A group of nodes.", [
                required("id", .string("Its id.")), required("label", .string("Its title.")),
                required("nodes", text("Node ids.")),
            ]),
            "DiagramStyle": .object("Presentation from Mermaid `style`/`classDef`.", [
                optional("fill", .string("CSS colour.")), optional("stroke", .string("CSS colour.")),
                optional("strokeWidth", .string("CSS length.")), optional("color", .string("Text colour.")),
                optional("dashed", .boolean("Dashed outline.")),
            ]),
            "Section": .object("A heading and the headings under it.", [
                required("level", .integer("1–6.")), required("text", .string("The heading's text.")),
                required("id", .string("Its anchor on the page.")), required("line", line),
                required("children", .array("Sub-sections.", .reference("A section.", "Section"))),
            ]),
            "Page": .object("A plain page.", [
                required("id", .string("Slug of its path.")), required("title", .string("The H1, else front matter `name`, else the file name.")),
                optional("description", .string("Front matter `description`, else the first paragraph.")),
                required("frontMatter", .map("Front matter.", .anyValue("A value."))),
                required("source", .reference("The file.", "SourceRef")),
                required("sections", .array("The heading tree.", .reference("A section.", "Section"))),
            ]),
            "Diagnostic": .object("A problem found in the input.", [
                required("severity", .oneOf("How serious.", ["note", "warning", "error"])),
                required("code", .string("Stable code for filtering (`confidence.tier-mismatch`).")),
                required("message", .string("For people.")),
                optional("path", .string("File, relative to the handbook root.")),
                optional("line", line), optional("column", .integer("1-based column in UTF-8 bytes.")),
                required("notes", text("Extra hints.")),
            ]),
        ]
    }
}
