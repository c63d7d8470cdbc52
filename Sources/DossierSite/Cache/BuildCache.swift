import DossierCore
import DossierGraphviz
import DossierRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ROOT/.dossier-cache/`: what one build leaves for the next, so that an unchanged document
/// is neither parsed nor rendered again and an unchanged diagram is not laid out again.
///
///     .dossier-cache/
///       CACHEDIR.TAG              marks the folder as a cache for backup tools
///       documents.pack            each document's model, diagnostics and the pages it
///                                 wrote, by key (`DocumentPack`)
///       layouts/<key>.svg         Graphviz's layout of a diagram
///       outputs/<key>.bin         per output folder: what the last build left there
///
/// Documents and output states are in Dossier's binary coding (`BinaryEncoder`, described in
/// `BinaryFormat`), which a rebuild reads several times faster than the JSON it replaced:
/// a rebuild after one change decodes every other document's entry.
///
/// Everything is keyed by content (`CacheKeys`), so an entry can never describe another
/// version of a file. Nothing is trusted blindly: an entry that does not decode (its checksum
/// included) is treated as missing, a cache from another Dossier executable or of another
/// format is deleted, and a build uses an output folder's state only when the folder still
/// holds what the state says. Every file is written to a temporary name and renamed, and
/// document entries are appended whole, so a killed build leaves whole entries or none.
final class BuildCache: Sendable {
    static let folderName = ".dossier-cache"
    /// Bumped when the layout of entries changes. 2: patterns, knowledge and troubleshooting
    /// carry their text's formatting (`…Formatted`). 3: output states record guides and the
    /// build's outcome. 4: code snippets know the entry they are written under. 5: entries and
    /// states in the binary coding (`.bin`) instead of JSON (`.json`). 6: document entries in
    /// one pack file instead of `documents/<key>.bin`. 7: output states record where the
    /// export's elements are. 8: document entries in two parts, the slim result with the
    /// document's CSV rows, then the rest (`CachedDocument.stored()`). 9: the rest holds the
    /// figures a profile's page drew for its patterns' guides.
    static let format = 9
    /// The extension of output states.
    static let fileExtension = "bin"

    let folder: URL
    let layouts: DiskLayoutStore
    let documents: DocumentPack
    /// Notes about the cache itself (discarded entries, a cache from another version): shown
    /// to the user, never part of the site's export.
    private let collected = Locked([Diagnostic]())

    init(root: URL) {
        folder = root.appendingPathComponent(Self.folderName)
        layouts = DiskLayoutStore(folder: folder.appendingPathComponent("layouts"))
        documents = DocumentPack(url: folder.appendingPathComponent(DocumentPack.fileName))
    }

    var notes: [Diagnostic] { collected.withLock { $0 } }

    func note(_ message: String) {
        collected.withLock { $0.append(.note("cache.discarded", message, at: nil)) }
    }

    // MARK: - Output state

    /// What the last build wrote into one output folder.
    struct OutputState: Codable, Sendable {
        var tool: String
        var output: String
        var siteKey: String
        var aggregateKey: String
        /// Every file of the site and its size: files whose size changed are rewritten without
        /// comparing bytes, and files missing from the folder are written again.
        var files: [String: Int]
        /// The files the aggregate pages wrote (home, matrix, guides, export, assets…).
        var aggregateFiles: [String]
        /// The document entries the pages in the folder were rendered from; only these are
        /// reused for this folder.
        var documents: [String]
        /// The layouts the site's diagrams use, so the rest can be deleted.
        var layouts: [String]
        /// Per document key, the links whose `#fragment` was dropped when its page was
        /// rendered (their target section did not exist); a page is rendered again when the
        /// set it needs changes.
        var strippedFragments: [String: [SourceLocation]]
        /// What drawing the aggregate pages reported, reported again when they are kept.
        var aggregateDiagnostics: [Diagnostic]
        /// Per pattern id, the guide last written and what it was made from.
        var guides: [String: KeptGuide] = [:]
        /// Where `data/dossier.json` holds each document's profile, patterns and page, by
        /// document key: copied from there when the document did not change.
        var export: SiteExport.Layout?
        /// What the build reported beyond what reading the handbook reports, for a build
        /// that finds nothing changed.
        var outcome: Outcome?
    }

    struct Outcome: Codable, Sendable {
        var diagnostics: [Diagnostic]
        var pagesWritten: Int
    }

    /// A deployment guide as the last build wrote it (`CacheKeys.guides`).
    struct KeptGuide: Codable, Sendable {
        var key: String
        var files: [String]
        var diagnostics: [Diagnostic]
    }

    /// The state of `output` left by the last build, if it is usable.
    func state(for output: URL) -> OutputState? {
        let url = stateURL(for: output)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if hasStateOfAnotherFormat(for: output) {
                note("the cache was made by another build of Dossier; it is discarded and every page is built again")
                discardAll()
            }
            return nil
        }
        guard let state = try? BinaryDecoder().decode(OutputState.self, from: data) else {
            note("the cache’s record of \(output.path) could not be read; every page is written again")
            return nil
        }
        guard state.tool == CacheKeys.toolIdentity else {
            note("the cache was made by another build of Dossier; it is discarded and every page is built again")
            discardAll()
            return nil
        }
        guard state.output == output.path else { return nil }
        return state
    }

    func save(_ state: OutputState, for output: URL) {
        guard let bytes = try? BinaryEncoder().encode(state) else { return }
        Self.writeAtomically(bytes, to: stateURL(for: output))
    }

    private func stateURL(for output: URL) -> URL {
        folder.appendingPathComponent("outputs").appendingPathComponent(Self.stateName(forOutputPath: output.path))
    }

    private static func stateName(forOutputPath path: String) -> String {
        KeyHasher.digest(path) + "." + fileExtension
    }

    /// Whether `outputs/` holds a state for `output` under another extension: the cache of
    /// a Dossier that wrote another format (`.json` before format 5).
    private func hasStateOfAnotherFormat(for output: URL) -> Bool {
        let prefix = KeyHasher.digest(output.path) + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("outputs").path)) ?? []
        return names.contains { $0.hasPrefix(prefix) }
    }

    // MARK: - Documents

    /// The entry stored under `key`, without the rest of its result unless `keepingRest`
    /// (`serve` keeps it in memory between builds; a build reads it again when it needs it).
    func document(_ key: String, keepingRest: Bool = false) -> CachedDocument? {
        guard let bytes = documents.bytes(forKey: key) else { return nil }
        guard let entry = try? CachedDocument.read(stored: bytes, keepingRest: keepingRest), entry.key == key else {
            // The next store of this key appends a record that takes its place.
            note("a cached document (\(key.prefix(12))…) could not be read; it is built again")
            return nil
        }
        return entry
    }

    /// The rest of the result stored under `key` (`DocumentRest`), encoded.
    func rest(_ key: String) -> [UInt8]? {
        documents.bytes(forKey: key).flatMap { try? CachedDocument.rest(ofStored: $0) }
    }

    /// Stores an entry that holds the rest of its result.
    func store(_ entry: CachedDocument) {
        guard let bytes = try? entry.stored() else { return }
        documents.append(key: entry.key, bytes: bytes)
    }

    // MARK: - Housekeeping

    /// Deletes document entries and layouts that no output folder's state uses any more, and
    /// the states of output folders that no longer exist (`serve`'s private ones). `current`
    /// is the state just saved, which need not be read back.
    func collectGarbage(current: OutputState) {
        let currentName = Self.stateName(forOutputPath: current.output)
        let fm = FileManager.default
        var documents = Set<String>()
        var layouts = Set<String>()
        let outputs = folder.appendingPathComponent("outputs")
        let suffix = "." + Self.fileExtension
        for name in (try? fm.contentsOfDirectory(atPath: outputs.path)) ?? [] where !name.hasPrefix(".") {
            let url = outputs.appendingPathComponent(name)
            // A state of another format (its documents went with it when it was discarded).
            guard name.hasSuffix(suffix) else {
                try? fm.removeItem(at: url)
                continue
            }
            guard let state = name == currentName ? current : fm.contents(atPath: url.path).flatMap({
                try? BinaryDecoder().decode(OutputState.self, from: $0)
            }) else { continue }
            guard fm.fileExists(atPath: state.output) else {
                try? fm.removeItem(at: url)
                continue
            }
            documents.formUnion(state.documents)
            layouts.formUnion(state.layouts.map { DiskLayoutStore.fileName(forKey: $0) })
        }
        self.documents.compact(keeping: documents)
        let url = folder.appendingPathComponent("layouts")
        for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] where !layouts.contains(name) {
            try? fm.removeItem(at: url.appendingPathComponent(name))
        }
    }

    /// Removes everything in the cache folder (its entries belong to another executable).
    func discardAll() {
        // `documents/`: the entries of format 5 and before, one file each.
        for sub in [DocumentPack.fileName, "documents", "layouts", "outputs"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(sub))
        }
    }

    /// Creates the folder with its `CACHEDIR.TAG` (the convention backup tools such as
    /// borg, restic and GNU tar honour).
    func prepare() {
        let fm = FileManager.default
        for sub in ["layouts", "outputs"] {
            try? fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let tag = folder.appendingPathComponent("CACHEDIR.TAG")
        if !fm.fileExists(atPath: tag.path) {
            let text = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is Dossier's build cache; it can be deleted at any time.\n"
            Self.writeAtomically(Array(text.utf8), to: tag)
        }
    }

    /// Writes a file under a temporary name beside it and renames it into place. A cache
    /// entry that cannot be written is only a miss next time, so failures are dropped.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) {
        try? FolderSink.writeAtomically(to: url) { try $0(bytes) }
    }
}

/// Layouts kept in `.dossier-cache/layouts/`, one file per layout, named by the SHA-256 of
/// its key.
final class DiskLayoutStore: LayoutStore {
    let folder: URL

    init(folder: URL) {
        self.folder = folder
    }

    static func fileName(forKey key: String) -> String {
        KeyHasher.digest(key) + ".svg"
    }

    func layout(forKey key: String) -> String? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(Self.fileName(forKey: key)).path) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    func store(layout svg: String, forKey key: String) {
        BuildCache.writeAtomically(Array(svg.utf8), to: folder.appendingPathComponent(Self.fileName(forKey: key)))
    }
}

/// A document as the last build left it: everything the aggregate pages need from it, and
/// what its rendering wrote.
///
/// Stored as two encodings, one after the other (``stored()``): this value, which holds the
/// slim result (`DocumentResult.split()`), and then the rest of the result. A rebuild after
/// one change reads every other document's entry, and decodes only the first: the rest is
/// decoded for a document whose guides, or whose elements of the export, are made again.
struct CachedDocument: Codable, Sendable {
    /// `CacheKeys.document`: text, identity and site.
    var key: String
    /// The slim result.
    var result: DocumentResult
    /// Site paths the document's rendering wrote (its page; none for `content/index.md`).
    var outputs: [String]
    /// The layouts its diagrams use.
    var layouts: [String]
    /// The document's rows of each table of `CSVTables.tables` (CSV text): those listed with
    /// the profiles, and those listed with the patterns. Made from the whole result, which
    /// a rebuild does not decode.
    var profileRows: [String] = []
    var patternRows: [String] = []
    /// The rest of the result, encoded (`BinaryEncoder`), when this value holds it: the build
    /// lets it go once the document is spooled; `serve`'s memory keeps it.
    var rest: [UInt8]?

    private enum CodingKeys: String, CodingKey {
        case key, result, outputs, layouts, profileRows, patternRows
    }

    init(key: String, result: DocumentResult, outputs: [String], layouts: [String],
         rows: [(profile: [UInt8], patterns: [UInt8])] = [], rest: [UInt8]? = nil) {
        self.key = key
        self.result = result
        self.outputs = outputs
        self.layouts = layouts
        profileRows = rows.map { String(decoding: $0.profile, as: UTF8.self) }
        patternRows = rows.map { String(decoding: $0.patterns, as: UTF8.self) }
        self.rest = rest
    }

    /// The bytes stored in the cache: the length of this value's encoding (a little-endian
    /// `UInt32`), the encoding, and the rest's encoding. Each carries its own checksum.
    func stored() throws -> [UInt8] {
        guard let rest else { throw EncodingError.invalidValue(self, EncodingError.Context(codingPath: [], debugDescription: "the entry does not hold the rest of its result")) }
        let head = try BinaryEncoder().encode(self)
        guard head.count <= Int(UInt32.max) else { throw EncodingError.invalidValue(self, EncodingError.Context(codingPath: [], debugDescription: "the entry is too large")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + head.count + rest.count)
        withUnsafeBytes(of: UInt32(head.count).littleEndian) { bytes += $0 }
        return bytes + head + rest
    }

    /// Reads what ``stored()`` wrote; the rest's bytes are kept, not decoded, with
    /// `keepingRest`. Either way their checksum is checked, so that a damaged rest makes the
    /// entry a miss now, not a failed guide later.
    static func read(stored bytes: [UInt8], keepingRest: Bool) throws -> CachedDocument {
        let (head, rest) = try parts(of: bytes)
        try BinaryDecoder.verify(bytes[rest])
        var entry = try BinaryDecoder().decode(CachedDocument.self, from: Array(bytes[head]))
        if keepingRest { entry.rest = Array(bytes[rest]) }
        return entry
    }

    /// The rest of the result of what ``stored()`` wrote, still encoded.
    static func rest(ofStored bytes: [UInt8]) throws -> [UInt8] {
        Array(bytes[try parts(of: bytes).rest])
    }

    private static func parts(of bytes: [UInt8]) throws -> (head: Range<Int>, rest: Range<Int>) {
        guard bytes.count >= 4 else { throw BinaryFormat.corrupted("an entry is cut short", at: 0) }
        let count = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        guard count <= bytes.count - 4 else { throw BinaryFormat.corrupted("an entry is cut short", at: 0) }
        return (4 ..< 4 + count, 4 + count ..< bytes.count)
    }
}

/// Decoded cache entries kept between the builds of one process (`dossier serve`), each
/// with the rest of its result still encoded: a rebuild after one file changed would
/// otherwise read and decode every unchanged document's entry from disk again, most of its
/// time on a large handbook. Entries are keyed by content, so a remembered entry is as good
/// as the one on disk; after each build only the current documents' entries are kept.
public final class DocumentMemory: Sendable {
    private let entries = Locked<[String: CachedDocument]>([:])
    /// The content files as last read.
    public let sources = SourceMemo()

    public init() {}

    func entry(_ key: String) -> CachedDocument? {
        entries.withLock { $0[key] }
    }

    func replace(with current: [CachedDocument]) {
        let kept = Dictionary(current.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        entries.withLock { $0 = kept }
    }
}
