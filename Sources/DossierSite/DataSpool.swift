import DossierCore
import DossierModel
import DossierRender
import Foundation

/// A scratch file for what the aggregate stage needs of each document but the pages that
/// list documents do not hold: its elements of the export and its rows of the CSV tables,
/// encoded, and the rest of its result (``DocumentRest``: whole patterns, knowledge base)
/// for the guides. Each document puts them here as soon as it is built, on every core, and
/// the build keeps only what the listings show (`DocumentResult.split()`).
///
/// The file has no name (`O_TMPFILE` in `TMPDIR`), so it is gone when the build ends, even
/// one that crashes. On a file system that cannot make such files, a named file is
/// unlinked as soon as it is open.
final class DataSpool: Sendable {
    private let descriptor: Int32
    private let end = Locked(0)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameter folder: where the file goes (its directory entry never exists there).
    init(folder: String) throws {
        // O_TMPFILE is `__O_TMPFILE | O_DIRECTORY`, which Glibc's module does not export.
        var descriptor = open(folder, 0o20000000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array("dossier-spool-XXXXXX".utf8CString)
            descriptor = mkstemp(&template)
            if descriptor >= 0 { unlink(template) }
        }
        guard descriptor >= 0 else {
            throw Failure(description: "cannot make a scratch file in \(folder) (set TMPDIR to another folder): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Writes `bytes` at the end of the file; returns where they are.
    func append(_ bytes: [UInt8]) throws -> SiteExport.Slice {
        let offset = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "cannot write the build's scratch file: \(String(cString: strerror(errno)))") }
            done += written
        }
        return SiteExport.Slice(offset: offset, count: bytes.count)
    }

    func read(_ slice: SiteExport.Slice) throws -> [UInt8] {
        guard slice.count > 0 else { return [] }
        guard let bytes = readBytes(descriptor, at: slice.offset, count: slice.count) else {
            throw Failure(description: "cannot read the build's scratch file: \(String(cString: strerror(errno)))")
        }
        return bytes
    }
}

/// Where one document's share of `data/` and of the guides is kept: in the ``DataSpool``, in
/// the previous build's export, or in the cache.
struct SpooledDocument: Sendable {
    /// Where an element of the export is.
    enum Place: Sendable {
        case spool(SiteExport.Slice)
        /// Written by the previous build at this place of its `data/dossier.json`, for a
        /// document whose key has not changed since.
        case previous(SiteExport.Slice)
    }

    var profile: Place?
    var patterns: [Place] = []
    var page: Place?
    /// The document's rows of each table of `CSVTables.tables`: those listed with the
    /// profiles, and those listed with the patterns.
    var profileRows: [SiteExport.Slice] = []
    var patternRows: [SiteExport.Slice] = []
    /// Where the rest of the result (``DocumentRest``: the whole patterns, the owner's
    /// knowledge) is, for the guides.
    var guideSource = GuideSource.spool(nil)

    enum GuideSource: Sendable {
        /// In the spool, in the cache's binary coding.
        case spool(SiteExport.Slice?)
        /// In the cache entry of this key: the document was not built again, and its guides
        /// are usually kept. A guide that is made anyway reads the entry again.
        case cacheEntry(String)
    }

    /// The export key of pattern `index` of the document whose key is `documentKey`
    /// (`SiteBuilder.exportKeys`): the same document and place, the same element.
    static func patternKey(_ documentKey: String, _ index: Int) -> String {
        documentKey + "#" + String(index)
    }

    /// The previous build's export, when elements can be copied from it: what it wrote where
    /// (by `SiteBuilder.exportKeys`), and the file, still in place.
    struct Previous: Sendable {
        var layout: SiteExport.Layout
        var file: PreviousFile

        /// The place of an element the previous export wrote under `key`, if its bytes still
        /// open and close an object (the file is the recorded size; this catches a file
        /// rewritten in between with other content).
        func place(_ slices: [String: SiteExport.Slice], _ key: String) -> Place? {
            guard let slice = slices[key], slice.count >= 2,
                  file.read(offset: slice.offset, count: 1) == [UInt8(ascii: "{")],
                  file.read(offset: slice.offset + slice.count - 1, count: 1) == [UInt8(ascii: "}")] else { return nil }
            return .previous(slice)
        }
    }

    /// Writes what a document gives `data/` and the guides into `spool` (in one write), and
    /// says where it went. Elements the previous export wrote under the document's key are
    /// left there; the others are encoded from `whole()`, its whole result, asked for only
    /// then. With `restInSpool`, the rest of the result (`entry.rest`) goes to the spool for
    /// the guides; otherwise the guides read it from the cache entry of the key.
    static func spool(_ entry: CachedDocument, restInSpool: Bool, whole: () throws -> DocumentResult,
                      into spool: DataSpool, previous: Previous?) throws -> SpooledDocument {
        var blob: [UInt8] = []
        func put(_ bytes: [UInt8]) -> SiteExport.Slice {
            defer { blob += bytes }
            return SiteExport.Slice(offset: blob.count, count: bytes.count)
        }
        var result: DocumentResult?
        // Places in the blob, moved to the spool once it is written.
        enum Local { case blob(SiteExport.Slice), previous(SiteExport.Slice) }
        func element(_ value: (DocumentResult) -> some Encodable, _ slices: KeyPath<SiteExport.Layout, [String: SiteExport.Slice]>, _ key: String) throws -> Local {
            if let previous, case .previous(let slice)? = previous.place(previous.layout[keyPath: slices], key) { return .previous(slice) }
            if result == nil { result = try whole() }
            return .blob(put(try SiteExport.element(value(result!))))
        }
        let key = entry.key
        let slim = entry.result
        let profile = try slim.profile.map { _ in try element({ $0.profile! }, \.profiles, key) }
        let patterns = try slim.patterns.indices.map { index in try element({ $0.patterns[index] }, \.patterns, patternKey(key, index)) }
        let page = try slim.page.map { _ in try element({ $0.page! }, \.documents, key) }
        let profileRows = entry.profileRows.map { put(Array($0.utf8)) }
        let patternRows = entry.patternRows.map { put(Array($0.utf8)) }
        let rest = restInSpool ? entry.rest.map(put) : nil

        let base = blob.isEmpty ? 0 : try spool.append(blob).offset
        func moved(_ slice: SiteExport.Slice) -> SiteExport.Slice { SiteExport.Slice(offset: base + slice.offset, count: slice.count) }
        func placed(_ local: Local) -> Place {
            switch local {
            case .blob(let slice): .spool(moved(slice))
            case .previous(let slice): .previous(slice)
            }
        }
        return SpooledDocument(profile: profile.map(placed), patterns: patterns.map(placed), page: page.map(placed),
                               profileRows: profileRows.map(moved), patternRows: patternRows.map(moved),
                               guideSource: restInSpool ? .spool(rest.map(moved)) : .cacheEntry(key))
    }
}

/// Every document's ``SpooledDocument``, in file order, and what reads them back: the
/// export's elements, the tables' rows, and a guide's patterns and owner.
struct SpooledSite: Sendable {
    let spool: DataSpool
    let previous: PreviousFile?
    /// The rest of the result in the cache entry of a key, encoded, for
    /// ``SpooledDocument/GuideSource/cacheEntry(_:)``.
    let cached: @Sendable (String) -> [UInt8]?
    private let elements: [SiteExport.ElementArray: [SpooledDocument.Place]]
    private let profileRows: [[SiteExport.Slice]]
    private let patternRows: [[SiteExport.Slice]]
    fileprivate let guideSources: [SpooledDocument.GuideSource]
    /// By pattern, in the model's order (`SiteModel.patterns`): its document (an index into
    /// `guideSources`) and its place among that document's patterns.
    fileprivate let patternPlaces: [(document: Int, index: Int)]
    /// By profile id, the document; the first profile with an id, as
    /// `SiteOverview.profilesByID` has it.
    fileprivate let profileDocuments: [String: Int]

    init(spool: DataSpool, previous: PreviousFile?, documents: [(result: DocumentResult, spooled: SpooledDocument)],
         cached: @escaping @Sendable (String) -> [UInt8]?) {
        self.spool = spool
        self.previous = previous
        self.cached = cached
        var elements: [SiteExport.ElementArray: [SpooledDocument.Place]] = [.profiles: [], .patterns: [], .documents: []]
        var profileRows = Array(repeating: [SiteExport.Slice](), count: CSVTables.tables.count)
        var patternRows = profileRows
        var patternPlaces: [(document: Int, index: Int)] = []
        var profileDocuments: [String: Int] = [:]
        for (document, (result, spooled)) in documents.enumerated() {
            if let place = spooled.profile { elements[.profiles]!.append(place) }
            elements[.patterns]! += spooled.patterns
            if let place = spooled.page { elements[.documents]!.append(place) }
            for table in spooled.profileRows.indices {
                profileRows[table].append(spooled.profileRows[table])
                patternRows[table].append(spooled.patternRows[table])
            }
            patternPlaces += result.patterns.indices.map { (document, $0) }
            if let id = result.profile?.id, profileDocuments[id] == nil { profileDocuments[id] = document }
        }
        self.elements = elements
        self.profileRows = profileRows
        self.patternRows = patternRows
        self.guideSources = documents.map(\.spooled.guideSource)
        self.patternPlaces = patternPlaces
        self.profileDocuments = profileDocuments
    }

    /// The export's elements and the tables' rows, copied from where they were kept.
    func data(config: SiteConfig, diagnostics: [Diagnostic], keys: SiteExport.Keys?) -> DataExport {
        let counts = elements.mapValues(\.count)
        let export = EncodedExport(config: config, diagnostics: diagnostics, counts: counts) { [self] array, index in
            switch elements[array]![index] {
            case .spool(let slice):
                return try spool.read(slice)
            case .previous(let slice):
                // Checked when the document was spooled; the output is not written until
                // the commit, so a change now is another program's.
                guard let bytes = previous?.read(offset: slice.offset, count: slice.count),
                      bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else {
                    throw DataSpool.Failure(description: "data/dossier.json of the previous build changed while this build read it")
                }
                return bytes
            }
        }
        let rows = DataExport.EncodedRows { [self] table, emit in
            for slice in profileRows[table] + patternRows[table] where slice.count > 0 {
                try emit(try spool.read(slice))
            }
        }
        return DataExport(encoded: export, rows: rows, keys: keys)
    }

    /// Reads guides' patterns and owners back for one guide job (one document's patterns):
    /// what they need of each document's rest (``GuideMaterial``) is decoded once for all
    /// of them.
    func guideReader() -> GuideReader {
        GuideReader(site: self)
    }

    struct GuideReader {
        let site: SpooledSite
        private var materials: [Int: GuideMaterial] = [:]
        private var owners: [String: Profile] = [:]

        init(site: SpooledSite) {
            self.site = site
        }

        /// What the guides read of document `document`'s rest.
        private mutating func material(_ document: Int) throws -> GuideMaterial {
            if let known = materials[document] { return known }
            let bytes: [UInt8]
            switch site.guideSources[document] {
            case .spool(let slice):
                guard let slice else { throw DataSpool.Failure(description: "the build's scratch file holds no patterns for a document") }
                bytes = try site.spool.read(slice)
            case .cacheEntry(let key):
                guard let cached = site.cached(key) else {
                    throw DataSpool.Failure(description: "the cache entry of a document (\(key.prefix(12))…) could not be read again")
                }
                bytes = cached
            }
            let material = try BinaryDecoder().decode(GuideMaterial.self, from: bytes)
            materials[document] = material
            return material
        }

        /// Pattern `index` of the model (`SiteModel.patterns`), whole.
        mutating func pattern(at index: Int) throws -> Pattern {
            let place = site.patternPlaces[index]
            return try material(place.document).patterns[place.index]
        }

        /// The figure pattern `index`'s owner page drew for its guide, if it did.
        mutating func guideFigure(at index: Int) throws -> String? {
            let place = site.patternPlaces[index]
            let material = try material(place.document)
            return material.guideFigures[material.patterns[place.index].id]
        }

        /// `profile` with the knowledge base and troubleshooting the build kept for it.
        mutating func owner(_ profile: Profile) throws -> Profile {
            if let known = owners[profile.id] { return known }
            guard let document = site.profileDocuments[profile.id] else { return profile }
            var owner = profile
            if let more = try material(document).profile {
                owner.knowledge = more.knowledge
                owner.troubleshooting = more.troubleshooting
            }
            owners[profile.id] = owner
            return owner
        }
    }
}
