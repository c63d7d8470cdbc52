/// Byte classes shared by the lexers.
///
/// The lexers work on UTF-8 bytes. Every byte of a multi-byte character is 0x80 or
/// above, and these helpers count all such bytes as identifier characters, so a token
/// boundary never falls inside a character: the output stays valid UTF-8 and the
/// round trip back to the input is exact.
extension UInt8 {
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let backslash: UInt8 = 0x5C

    /// ASCII letters, `_`, and any non-ASCII byte.
    var isIdentifierStart: Bool {
        (self >= 0x61 && self <= 0x7A) || (self >= 0x41 && self <= 0x5A) || self == 0x5F || self >= 0x80
    }

    /// Identifier start bytes plus ASCII digits.
    var isIdentifierContinue: Bool { isIdentifierStart || isDigit }

    var isDigit: Bool { self >= 0x30 && self <= 0x39 }

    var isHexDigit: Bool {
        isDigit || (self >= 0x61 && self <= 0x66) || (self >= 0x41 && self <= 0x46)
    }

    var isASCIILetter: Bool { (self >= 0x61 && self <= 0x7A) || (self >= 0x41 && self <= 0x5A) }

    var isUppercaseASCII: Bool { self >= 0x41 && self <= 0x5A }

    var isLowercaseASCII: Bool { self >= 0x61 && self <= 0x7A }

    /// Space or tab: whitespace that does not end a line.
    var isBlank: Bool { self == .space || self == .tab }

    /// Space, tab, carriage return or line feed.
    var isWhitespace: Bool { isBlank || self == .newline || self == .carriageReturn }

    /// True for the bytes that continue a multi-byte UTF-8 sequence.
    var isContinuationByte: Bool { self & 0xC0 == 0x80 }

    /// The ASCII lowercase form; other bytes are unchanged.
    var asciiLowercased: UInt8 { isUppercaseASCII ? self + 0x20 : self }
}
