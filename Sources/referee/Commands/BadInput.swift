import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bad input detected by the command line itself: which option or path, what is wrong, the fix.
struct BadInput: Error, CustomStringConvertible {
    var place: String
    var message: String
    var fix: String
    var description: String { "referee: error: \(place): \(message)\n  fix: \(fix)" }
}

/// Writes output to standard output or, atomically, to a file: the text goes to a temporary file
/// in the same folder that is renamed into place, so a failure never leaves a half-written file.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BadInput(place: "--output \(path)", message: "the folder `\(folder)` does not exist", fix: "create it first or choose another path")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw BadInput(place: "--output \(path)", message: "is a folder", fix: "give a file name, e.g. \(path)/report.json")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces an existing file atomically.
            guard rename(temporary.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw BadInput(place: "--output \(path)", message: "cannot write the file (\(error.localizedDescription))",
                           fix: "check that the folder is writable")
        }
    }
}
