import Foundation

/// A colour, components in 0…1.
public struct Colour: Sendable, Equatable {
    public var red: Double, green: Double, blue: Double
    public init(_ red: Double, _ green: Double, _ blue: Double) { self.red = red; self.green = green; self.blue = blue }
    /// From 8-bit components.
    public init(bytes red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.init(Double(red) / 255, Double(green) / 255, Double(blue) / 255)
    }
    public static let black = Colour(0, 0, 0)
    public static let white = Colour(1, 1, 1)
    public static let grey = Colour(0.45, 0.45, 0.45)
}

/// One axis of a panel: its label (with the unit in parentheses), its range and its ticks.
public struct Axis: Sendable {
    public var label: RichText
    public var range: ClosedRange<Double>
    /// Explicit ticks (value, label); nil: about five ticks at 1, 2, 2.5 or 5 × 10ⁿ.
    public var ticks: [(value: Double, label: RichText)]?

    public init(_ label: RichText, range: ClosedRange<Double>, ticks: [(value: Double, label: RichText)]? = nil) {
        self.label = label
        self.range = range.lowerBound < range.upperBound ? range : (range.lowerBound - 0.5)...(range.lowerBound + 0.5)
        self.ticks = ticks
    }

    /// The ticks drawn: explicit ones, or round values spaced 1, 2, 2.5 or 5 × 10ⁿ, about `target` of them.
    public func tickMarks(target: Int = 5) -> [(value: Double, label: RichText)] {
        if let ticks { return ticks.filter { range.contains($0.value) } }
        let span = range.upperBound - range.lowerBound
        let raw = span / Double(max(1, target))
        let magnitude = Axis.pow10(Int(Foundation.log10(raw).rounded(.down)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let decimals = max(0, -Int(Foundation.log10(step).rounded(.down)) + (step / magnitude == 2.5 ? 1 : 0))
        var out: [(Double, RichText)] = []
        var k: Double = (range.lowerBound / step).rounded(.up)
        while k * step <= range.upperBound + step * 1e-9 {
            let v = k * step
            out.append((v, RichText(Axis.format(abs(v) < step * 1e-9 ? 0 : v, decimals: decimals))))
            k += 1
        }
        return out
    }

    static func pow10(_ n: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(n) { x *= 10 }
        return n < 0 ? 1 / x : x
    }

    /// `v` with `decimals` digits after the point, minus sign as U+2212.
    static func format(_ v: Double, decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", v)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }
}

/// A line through data points (nil y breaks the line), with an optional marker at each point.
public struct Series: Sendable {
    public enum Marker: Sendable, Equatable { case none, dot, square }
    public var points: [(x: Double, y: Double?)]
    public var colour: Colour
    public var width: Double
    /// Dash pattern in points (on, off), nil for solid.
    public var dash: [Double]?
    public var marker: Marker
    /// No line between points (markers only).
    public var markersOnly: Bool

    public init(_ points: [(x: Double, y: Double?)], colour: Colour, width: Double = 1.5, dash: [Double]? = nil,
                marker: Marker = .none, markersOnly: Bool = false) {
        self.points = points; self.colour = colour; self.width = width; self.dash = dash
        self.marker = marker; self.markersOnly = markersOnly
    }
}

/// A map of coloured cells over the panel's axes: `columns` × `rows` cells covering the axis ranges,
/// cell (c, r) at index r·columns + c, row 0 at the bottom (a phase diagram: one colour per phase).
public struct CellMap: Sendable {
    public var columns: Int, rows: Int
    public var colours: [Colour]
    public init(columns: Int, rows: Int, colours: [Colour]) {
        precondition(colours.count == columns * rows, "one colour per cell")
        self.columns = columns; self.rows = rows; self.colours = colours
    }
}

/// An entry of a panel's legend: a filled swatch, or a line sample (with its dash and marker).
public struct LegendEntry: Sendable {
    public enum Sample: Sendable { case swatch(Colour), line(Colour, dash: [Double]?, marker: Series.Marker) }
    public var sample: Sample
    public var label: RichText
    public init(_ sample: Sample, _ label: RichText) { self.sample = sample; self.label = label }
}

/// One set of axes with what is drawn in them.
public struct Panel: Sendable {
    public var title: RichText?
    public var x: Axis
    public var y: Axis
    public var cells: CellMap?
    public var series: [Series]
    public var legend: [LegendEntry]
    /// Draw the plot area square (for trajectories in the plane).
    public var equalAspect: Bool

    public init(title: RichText? = nil, x: Axis, y: Axis, cells: CellMap? = nil, series: [Series] = [],
                legend: [LegendEntry] = [], equalAspect: Bool = false) {
        self.title = title; self.x = x; self.y = y; self.cells = cells; self.series = series
        self.legend = legend; self.equalAspect = equalAspect
    }
}

/// A figure: panels side by side, each with its legend on its right, and a caption below that says
/// what was computed and how. Rendered by `FigureRenderer` to PNG, PDF and SVG from one drawing.
public struct Figure: Sendable {
    public var panels: [Panel]
    public var caption: RichText
    /// Size of one panel's plot area in points (PNG: pixels).
    public var plotWidth: Double
    public var plotHeight: Double
    public var fontSize: Double

    public init(panels: [Panel], caption: RichText, plotWidth: Double = 420, plotHeight: Double = 320, fontSize: Double = 13) {
        self.panels = panels; self.caption = caption
        self.plotWidth = plotWidth; self.plotHeight = plotHeight; self.fontSize = fontSize
    }
}
