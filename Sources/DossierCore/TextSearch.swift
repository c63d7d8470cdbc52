extension StringProtocol {
    /// Whether `needle` occurs in the text, compared literally, byte by byte in UTF-8.
    ///
    /// `String.contains(_:)` with another string resolves to Foundation's NSString search
    /// whenever Foundation is visible, which bridges both strings to UTF-16 on every call;
    /// the extractors ask this question for every list item of every profile, so they use
    /// this instead. The answer is the same as Foundation's literal search: two strings
    /// whose UTF-8 bytes match have the same characters, and no UTF-8 sequence starts in the
    /// middle of another.
    public func includes(_ needle: some StringProtocol) -> Bool {
        byteOffset(of: needle) != nil
    }

    /// The range of the first occurrence of `needle`, compared byte by byte in UTF-8 as
    /// ``includes(_:)`` does.
    ///
    /// The standard library's `firstRange(of:)` compares Character by Character through
    /// generic string processing; labels are cleaned and lines split with it for every
    /// item of every profile, where it was three percent of a build.
    public func byteRange(of needle: some StringProtocol) -> Range<Index>? {
        guard let offset = byteOffset(of: needle) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Where `needle`'s bytes first occur, in bytes from the start.
    private func byteOffset(of needle: some StringProtocol) -> Int? {
        // Native strings lend their bytes: search them in place, without copying either.
        let direct: Int?? = utf8.withContiguousStorageIfAvailable { haystack -> Int?? in
            needle.utf8.withContiguousStorageIfAvailable { pattern in Self.offset(of: pattern, in: haystack) }
        } ?? nil
        if let direct { return direct }
        return Array(utf8).withUnsafeBufferPointer { haystack in
            Array(needle.utf8).withUnsafeBufferPointer { pattern in Self.offset(of: pattern, in: haystack) }
        }
    }

    private static func offset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first else { return 0 }
        guard pattern.count <= haystack.count else { return nil }
        var start = 0
        let lastStart = haystack.count - pattern.count
        while start <= lastStart {
            if haystack[start] == first {
                var offset = 1
                while offset < pattern.count && haystack[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return start }
            }
            start += 1
        }
        return nil
    }
}
