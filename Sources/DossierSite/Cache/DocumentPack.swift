import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `.dossier-cache/documents.pack`: every document entry in one file, appended as builds
/// make them, with the last record of a key the one that counts.
///
/// One file instead of one per entry: a cold build of 1,000 profiles made 1,000 cache files
/// beside its 11,000 pages and folders, and on a volume where creating a file costs more
/// the more files were deleted a moment ago (ext4 without a journal scans past recently
/// freed inodes) that was a twelfth of the build's system time; a rebuild also opened
/// every one of them. A record is a header — `DPK1`, the key (64 ASCII characters, a
/// SHA-256 in hex) and the entry's length as a little-endian `UInt32` — then the entry
/// (`BinaryEncoder`'s bytes, which carry their own checksum).
///
/// Each record is appended with one `write` on a descriptor opened with `O_APPEND`, so
/// records from the build's threads, or from two builds at once, never interleave. A
/// record cut short (a full disk, a killed build) ends the pack for readers: what follows
/// is lost, which for a cache is only a miss. `compact` rewrites the pack without the
/// records no build uses when they are half of it, under a temporary name renamed into
/// place, as the cache writes everything.
final class DocumentPack: Sendable {
    static let fileName = "documents.pack"
    private static let magic: [UInt8] = Array("DPK1".utf8)
    private static let keyLength = 64
    private static let headerSize = 4 + keyLength + 4

    struct Record: Sendable {
        var key: String
        /// Where the entry's bytes start, after the header, and how many there are.
        var offset: Int
        var length: Int
    }

    let url: URL
    private struct State {
        /// The last record of each key, read from the pack when first asked, and the
        /// descriptor it was read through: entries are read through it too, so that a pack
        /// another build compacts (renames over) meanwhile does not move them.
        var index: [String: Record]?
        var reader: Int32 = -1
        var appender: Int32 = -1
    }
    private let state = Locked(State())

    init(url: URL) {
        self.url = url
    }

    deinit {
        state.withLock { state in
            if state.appender >= 0 { close(state.appender) }
            if state.reader >= 0 { close(state.reader) }
        }
    }

    /// The entry last stored under `key`.
    func bytes(forKey key: String) -> [UInt8]? {
        let (record, reader) = state.withLock { state -> (Record?, Int32) in
            if state.index == nil {
                state.reader = open(url.path, O_RDONLY | O_CLOEXEC)
                let records = state.reader >= 0 ? Self.records(in: state.reader) : []
                state.index = Dictionary(records.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
            }
            return (state.index?[key], state.reader)
        }
        guard let record, reader >= 0 else { return nil }
        return readBytes(reader, at: record.offset, count: record.length)
    }

    /// Appends an entry. Failures are dropped: the entry is a miss next time.
    func append(key: String, bytes: [UInt8]) {
        guard key.utf8.count == Self.keyLength, key.utf8.allSatisfy({ $0 < 0x80 }), bytes.count <= Int(UInt32.max) else { return }
        var record = Self.magic
        record.reserveCapacity(Self.headerSize + bytes.count)
        record += key.utf8
        withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { record += $0 }
        record += bytes
        state.withLock { state in
            if state.appender < 0 {
                state.appender = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            }
            guard state.appender >= 0 else { return }
            // One call, so the record is never split around another; a short write (a full
            // disk) leaves a cut record, which ends the pack for readers.
            _ = record.withUnsafeBytes { write(state.appender, $0.baseAddress, $0.count) }
        }
    }

    /// Every whole record in file order, stopping at the first that is not.
    static func records(at path: String) -> [Record] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        return records(in: fd)
    }

    private static func records(in fd: Int32) -> [Record] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return [] }
        let size = Int(info.st_size)
        var records: [Record] = []
        var offset = 0
        while offset + headerSize <= size, let header = readBytes(fd, at: offset, count: headerSize),
              Array(header[0..<4]) == magic {
            let length = header[(4 + keyLength)...].reversed().reduce(0) { $0 << 8 | Int($1) }
            let start = offset + headerSize
            guard start + length <= size else { break }
            records.append(Record(key: String(decoding: header[4..<(4 + keyLength)], as: UTF8.self), offset: start, length: length))
            offset = start + length
        }
        return records
    }

    /// Rewrites the pack with only the last record of each `live` key when the others take
    /// up at least half of it. Appends made by another build while this runs are lost
    /// (misses for that build's next run).
    func compact(keeping live: Set<String>) {
        // The records are listed and copied through one descriptor, so a pack that another
        // build replaces meanwhile cannot mix their offsets with its bytes.
        let source = open(url.path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { return }
        defer { close(source) }
        let records = Self.records(in: source)
        var latest: [String: Record] = [:]
        for record in records where live.contains(record.key) { latest[record.key] = record }
        let total = records.reduce(0) { $0 + Self.headerSize + $1.length }
        let kept = latest.values.reduce(0) { $0 + Self.headerSize + $1.length }
        guard total > 0, kept * 2 <= total else { return }
        // In file order, so a later compaction reads the pack front to back too.
        let order = latest.values.sorted { $0.offset < $1.offset }
        try? FolderSink.writeAtomically(to: url) { emit in
            for record in order {
                guard let bytes = readBytes(source, at: record.offset - Self.headerSize, count: Self.headerSize + record.length) else {
                    throw CocoaError(.fileReadUnknown)
                }
                try emit(bytes)
            }
        }
        state.withLock { state in
            state.index = nil
            if state.appender >= 0 { close(state.appender) }
            if state.reader >= 0 { close(state.reader) }
            state.appender = -1
            state.reader = -1
        }
    }
}
