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
        // Native strings lend their bytes: search them in place, without copying the needle.
        if let found = utf8.withContiguousStorageIfAvailable({ haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in Self.occurs(pattern, in: haystack) }
        }), let found {
            return found
        }
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let rest = pattern.dropFirst()
        let haystack = self.utf8
        var index = haystack.startIndex
        while index != haystack.endIndex {
            if haystack[index] == first {
                var h = haystack.index(after: index)
                var matched = true
                for byte in rest {
                    guard h != haystack.endIndex else { return false }
                    if haystack[h] != byte { matched = false; break }
                    h = haystack.index(after: h)
                }
                if matched { return true }
            }
            index = haystack.index(after: index)
        }
        return false
    }

    private static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        guard pattern.count <= haystack.count else { return false }
        var start = 0
        let lastStart = haystack.count - pattern.count
        while start <= lastStart {
            if haystack[start] == first {
                var offset = 1
                while offset < pattern.count && haystack[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}
