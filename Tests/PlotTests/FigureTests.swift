import XCTest
@testable import Plot

/// Labels: subscripts and superscripts are parsed, not printed with their underscores.
final class RichTextTests: XCTestCase {
    func testSubscriptsAndSuperscripts() {
        let t = RichText("γ_{B}/(α_{B}|g_{B}|)")
        XCTAssertEqual(t.plain, "γB/(αB|gB|)")
        XCTAssertEqual(t.runs.filter { $0.placement == .lowered }.map(\.text), ["B", "B", "B"])
        XCTAssertEqual(RichText("m_A").runs, [.init("m", .baseline), .init("A", .lowered)])
        XCTAssertEqual(RichText("10^{-10}").runs, [.init("10", .baseline), .init("-10", .raised)])
        XCTAssertEqual(RichText("a_{b").plain, "a_{b", "an unmatched brace is printed as it stands")
        XCTAssertEqual(RichText("k_{B}T = 9 meV").words.map(\.description), ["k_{B}T", "=", "9", "meV"])
    }

    func testTicksAreRoundNumbersInsideTheRange() {
        XCTAssertEqual(Axis("x", range: 0...2.5).tickMarks().map(\.label.plain), ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
        XCTAssertEqual(Axis("x", range: 0...10).tickMarks().map(\.label.plain), ["0", "2", "4", "6", "8", "10"])
        XCTAssertEqual(Axis("x", range: -1...1).tickMarks().first?.label.plain, "−1.0")
        let custom = Axis("φ", range: 0...3, ticks: [(0, "0"), (Double.pi, "π")])
        XCTAssertEqual(custom.tickMarks().map(\.label.plain), ["0"], "a tick outside the range is dropped")
    }
}

/// One drawing, three files: each has its format's signature and the PNG the figure's size.
final class FigureRenderingTests: XCTestCase {
    func figure() -> Figure {
        let cells = CellMap(columns: 3, rows: 2, colours: [.black, .white, .grey, .white, .black, .grey])
        let panel = Panel(x: Axis("γ_{B} (meV)", range: 0...1), y: Axis("j_{AB} (meV)", range: 0...2), cells: cells,
                          series: [Series([(0, 0), (0.5, nil), (1, 2)], colour: .black, dash: [4, 2])],
                          legend: [LegendEntry(.swatch(.grey), "grey"), LegendEntry(.line(.black, dash: nil, marker: .dot), "line")])
        return Figure(panels: [panel], caption: "A caption long enough to be wrapped onto a second line when the figure is narrow, with k_{B}T.",
                      plotWidth: 120, plotHeight: 90)
    }

    func testFormats() throws {
        let png = try figure().rendered(.png)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertGreaterThan(width, 120 + 40)
        XCTAssertGreaterThan(height, 90 + 40)
        XCTAssertEqual(String(decoding: try figure().rendered(.pdf).prefix(5), as: UTF8.self), "%PDF-")
        let svg = String(decoding: try figure().rendered(.svg), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertTrue(svg.contains("<svg"))
        XCTAssertFalse(svg.contains("_{"), "no markup reaches the picture")
    }

    func testRenderingIsDeterministic() throws {
        XCTAssertEqual(try figure().rendered(.png), try figure().rendered(.png))
    }
}
