import DossierCore
import Testing

struct SourceTextTests {
    @Test func plainUTF8PassesThrough() {
        let decoded = SourceText.decode(Array("# Title → ≥0.85 🤔\n".utf8), path: "a.md")
        #expect(decoded.text == "# Title → ≥0.85 🤔\n")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func byteOrderMarkIsDropped() {
        let decoded = SourceText.decode([0xEF, 0xBB, 0xBF] + Array("# Hi\n".utf8), path: "a.md")
        #expect(decoded.text == "# Hi\n")
    }

    @Test func lineEndingsBecomeLF() {
        let decoded = SourceText.decode(Array("a\r\nb\rc\n".utf8), path: "a.md")
        #expect(decoded.text == "a\nb\nc\n")
    }

    @Test(arguments: [
        // (bytes, offset of the first bad byte, line, column)
        ([0x61, 0x0A, 0x62, 0xFF, 0x63] as [UInt8], 3, 2, 2),
        ([0xC3] as [UInt8], 0, 1, 1),                       // truncated sequence
        ([0x61, 0xC0, 0xAF] as [UInt8], 1, 1, 2),           // overlong encoding of "/"
        ([0xED, 0xA0, 0x80] as [UInt8], 0, 1, 1),           // UTF-16 surrogate
        ([0x0A, 0x0A, 0xF4, 0x90, 0x80, 0x80] as [UInt8], 2, 3, 1),  // past U+10FFFF
    ])
    func invalidUTF8IsAnErrorAtItsOffset(bytes: [UInt8], offset: Int, line: Int, column: Int) {
        let decoded = SourceText.decode(bytes, path: "content/bad.md")
        #expect(decoded.text == nil)
        let diagnostic = decoded.diagnostics.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.code == "text.invalid-utf8")
        #expect(diagnostic?.location == SourceLocation(path: "content/bad.md", line: line, column: column))
        #expect(diagnostic?.message.contains("byte offset \(offset)") == true)
    }

    @Test func offsetCountsTheByteOrderMark() {
        let decoded = SourceText.decode([0xEF, 0xBB, 0xBF, 0x61, 0xFF], path: "a.md")
        #expect(decoded.diagnostics.first?.message.contains("byte offset 4") == true)
    }
}

struct MojibakeTests {
    /// Damages text the way the real file was damaged: UTF-8 bytes read as Windows-1252
    /// (undefined bytes kept as Latin-1) and written out as UTF-8 again.
    static func doubleEncode(_ text: String) -> String {
        let table: [UInt8: Unicode.Scalar] = [
            0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
            0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
            0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
            0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
            0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
        ]
        var out = String.UnicodeScalarView()
        for byte in text.utf8 { out.append(table[byte] ?? Unicode.Scalar(byte)) }
        return String(out)
    }

    @Test func repairsArrowsComparisonsAndEmoji() throws {
        let original = "# Expert\n\nA → B ≥ 0.85 ✅ 🤔 — “quoted” café\n"
        let damaged = Self.doubleEncode(original)
        #expect(damaged.contains("â†’"))
        #expect(damaged.contains("ðŸ¤”"))
        let decoded = SourceText.decode(Array(damaged.utf8), path: "content/x.md")
        #expect(decoded.text == original)
        let warning = try #require(decoded.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == "text.mojibake")
        #expect(warning.location == SourceLocation(path: "content/x.md", line: 3, column: 3))
    }

    @Test(arguments: [
        "Ça coûte très cher, à Paris.\n",
        "São Paulo: informação, ação, João — Ângela está lá.\n",
        "Crème brûlée: Ã la carte, â étoile.\n",
        "Mixed: Ã and a real arrow →\n",
        "Plain ASCII only\n",
    ])
    func leavesLegitimateTextAlone(_ text: String) {
        let decoded = SourceText.decode(Array(text.utf8), path: "a.md")
        #expect(decoded.text == text)
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test(.enabled(if: SharedFixtures.exists("seed/aws-expert.mojibake.md"), "../shared/seed is absent: seed mojibake test skipped"))
    func repairsTheRealSeedByteForByte() throws {
        let damaged = try SharedFixtures.bytes("seed/aws-expert.mojibake.md")
        let clean = try SharedFixtures.bytes("seed/aws-expert.md")
        let decoded = SourceText.decode(damaged, path: "content/profiles/aws-expert.md")
        let text = try #require(decoded.text)
        #expect(Array(text.utf8) == clean)
        #expect(decoded.diagnostics.map(\.code) == ["text.mojibake"])
        // The first damaged text in the file is the "≥" of "Primary Expertise (≥0.85)".
        #expect(decoded.diagnostics.first?.location?.line == 16)
    }

    @Test(.enabled(if: SharedFixtures.exists("seed/aws-expert.md"), "../shared/seed is absent: test skipped"))
    func theCleanSeedIsNotTouched() throws {
        let clean = try SharedFixtures.bytes("seed/aws-expert.md")
        let decoded = SourceText.decode(clean, path: "a.md")
        #expect(decoded.diagnostics.isEmpty)
        #expect(decoded.text.map { Array($0.utf8) } == clean)
    }
}
