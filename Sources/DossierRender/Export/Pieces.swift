/// Bytes gathered into pieces of about a megabyte, each handed on as it fills: the export,
/// its CSV tables and the search index run to hundreds of megabytes at ten thousand
/// profiles, and are written without being held whole. A piece ends only where its writer
/// says one may (after an element, a row, an entry), and is never empty.
@usableFromInline
struct Pieces {
    /// A megabyte: the default size of the public writers' pieces.
    @usableFromInline static let size = 1 << 20

    /// The piece being filled.
    var bytes: [UInt8]
    /// The bytes earlier pieces handed on.
    private(set) var handedOn = 0
    private let size: Int

    init(_ start: [UInt8] = [], size: Int = Pieces.size) {
        bytes = start
        bytes.reserveCapacity(Swift.min(size, Pieces.size) + 4096)
        self.size = size
    }

    /// Where the next byte appended goes, counted from the first piece's start.
    var offset: Int { handedOn + bytes.count }

    /// Hands the piece to `emit` once it holds `size` bytes or more.
    mutating func handOnIfFull(_ emit: ([UInt8]) throws -> Void) rethrows {
        guard bytes.count >= size else { return }
        try handOn(emit)
    }

    /// Hands what the piece holds to `emit`, if anything.
    mutating func handOn(_ emit: ([UInt8]) throws -> Void) rethrows {
        guard !bytes.isEmpty else { return }
        try emit(bytes)
        handedOn += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }
}
