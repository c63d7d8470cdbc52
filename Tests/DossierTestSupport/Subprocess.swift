import Foundation

/// What a child process did.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Ended by a signal (the test killed it, or it crashed).
    public var killed: Bool
}

/// Runs a program to completion and collects its output, for tests that run `dossier`,
/// Python or a browser.
///
/// Both pipes are drained at once (a child that fills one while the test waits on the other
/// would never finish), and reads are retried when a signal interrupts them:
/// `FileHandle.readDataToEndOfFile()` traps on `EINTR`, which other tests' exiting children
/// cause.
public func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                       environment: [String: String]? = nil, killAfter: Duration? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    if let killAfter {
        Thread.sleep(forTimeInterval: Double(killAfter.components.seconds) + Double(killAfter.components.attoseconds) / 1e18)
        kill(process.processIdentifier, SIGKILL)
    }
    let errors = ErrorPipe()
    let drained = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        errors.data = readAll(err.fileHandleForReading)
        drained.signal()
    }
    let stdout = readAll(out.fileHandleForReading)
    drained.wait()
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus,
                         stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: errors.data, as: UTF8.self),
                         killed: process.terminationReason == .uncaughtSignal)
}

/// Holds what the stderr thread read; the semaphore orders the write before the read.
private final class ErrorPipe: @unchecked Sendable {
    var data = Data()
}

/// Reads a pipe to its end, retrying reads a signal interrupted.
public func readAll(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = read(handle.fileDescriptor, &buffer, buffer.count)
        if count > 0 {
            data.append(contentsOf: buffer[0..<count])
        } else if count < 0 && errno == EINTR {
            continue
        } else {
            return data
        }
    }
}
