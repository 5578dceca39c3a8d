import Foundation
import XCTest

/// The figure commands write PNG, PDF and SVG (with their signatures) and refuse bad options with exit 2.
extension CommandLineTests {
    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("referee-fig-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func assertFigure(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for (ext, signature) in [("png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("pdf", Array("%PDF".utf8)), ("svg", Array("<?xm".utf8))] {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: "\(path).\(ext)"), "\(path).\(ext) missing", file: file, line: line)
            XCTAssertEqual(Array(data.prefix(4)), signature, "\(path).\(ext)", file: file, line: line)
        }
    }

    func testPhaseDiagramAndFigureCommandsWriteThreeFormats() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try referee(["phase-diagram", "meanfield", "--grid", "4x3", "--output", dir]).status, 0)
        try assertFigure(dir + "/phase-diagram")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/phase-diagram.csv"))
        XCTAssertEqual(try referee(["figure", "curves", "--gamma-ratio", "0:1.5:0.5", "--output", dir]).status, 0)
        try assertFigure(dir + "/fig5ef")
        XCTAssertEqual(try referee(["figure", "trajectories", "--ratios", "0,1.5", "--duration", "200", "--output", dir]).status, 0)
        try assertFigure(dir + "/fig5bcd")
        XCTAssertEqual(try referee(["figure", "two-spin", "--ratios", "0.5,3", "--duration", "50", "--output", dir]).status, 0)
        try assertFigure(dir + "/two-spin")
    }

    func testFigureCommandsRejectBadOptions() throws {
        for (args, place) in [(["figure", "trajectories", "--ratios", "a,b"], "--ratios"),
                              (["figure", "trajectories", "--duration", "-1"], "--duration"),
                              (["figure", "two-spin", "--alpha1", "-0.1"], "--alpha1"),
                              (["figure", "curves", "--gamma-ratio", "2:1:0.1"], "--gamma-ratio")] {
            let r = try referee(args + ["--output", NSTemporaryDirectory()])
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(place), r.stderr)
        }
    }
}
