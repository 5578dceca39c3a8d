import Foundation
import Plot

/// The phase diagram of NC(8) as a figure (NC Fig. 1c): one cell per grid point coloured by its long-time
/// phase, the Jacobian boundaries of the aligned state (the aligned → antialigned flip and the chiral onset)
/// at the grid's temperature (solid) and at a second temperature (dashed), labelled axes with units, a legend
/// and a caption saying how the cells were computed. PNG, PDF and SVG come from the same drawing.
/// Colours follow NC Fig. 1c: aligned blue, antialigned red, chiral cyan; disordered grey,
/// single-layer light grey, unsettled black.
public enum PhaseDiagramPicture {
    public static func colour(_ phase: BilayerPhase) -> Colour {
        switch phase {
        case .aligned: return Colour(bytes: 70, 110, 220)
        case .antialigned: return Colour(bytes: 220, 70, 70)
        case .chiral: return Colour(bytes: 60, 210, 220)
        case .disordered: return Colour(bytes: 150, 150, 150)
        case .singleLayer: return Colour(bytes: 210, 210, 210)
        case .unsettled: return Colour(bytes: 0, 0, 0)
        }
    }

    /// Jacobian-predicted boundaries over the grid's j_AB rows at temperature T: the aligned → antialigned
    /// flip (closed form, r = 1 − j_AB²(j_AA − T)/j_AA³) and the chiral onset (tr J_⊥ = 0).
    public static func predictedBoundaries(_ grid: PhaseDiagramGrid, temperature: Double, samples: Int = 60)
        -> (flip: [(Double, Double)], chiral: [(Double, Double)]) {
        var flip: [(Double, Double)] = [], chiral: [(Double, Double)] = []
        for k in 0...samples {
            let j = grid.couplingRange.lowerBound + Double(k) / Double(samples) * (grid.couplingRange.upperBound - grid.couplingRange.lowerBound)
            var p = grid.parameters; p.jAB = j; p.temperature = temperature
            if let f = BilayerStability.predictedFlip(p, upTo: grid.ratioRange.upperBound, tolerance: 1e-6) { flip.append((f.value, j)) }
            if let c = BilayerStability.predictedChiralOnset(p, upTo: grid.ratioRange.upperBound, tolerance: 1e-6), c.transverse {
                chiral.append((c.value, j))
            }
        }
        return (flip, chiral)
    }

    /// `k_BT = 9 meV` style number: shortest decimal form.
    static func short(_ x: Double) -> String {
        let s = String(format: "%g", x)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }

    /// The figure: cells sized so that the plot area is about 500 points wide.
    public static func figure(_ grid: PhaseDiagramGrid, _ points: [PhaseDiagramPoint], dashedTemperature: Double? = 5) -> Figure {
        var colours = [Colour](repeating: .white, count: grid.count)
        for p in points where p.index < grid.count { colours[p.index] = colour(p.state.phase) }
        func lines(_ t: Double, dash: [Double]?) -> [Series] {
            let b = predictedBoundaries(grid, temperature: t)
            return [b.flip, b.chiral].filter { $0.count > 1 }.map { Series($0.map { (x: $0.0, y: Optional($0.1)) }, colour: .black, width: 2, dash: dash) }
        }
        let t = grid.parameters.temperature
        var series = lines(t, dash: nil)
        var legend = BilayerPhase.allCases.filter { phase in points.contains { $0.state.phase == phase } || [.aligned, .antialigned, .chiral].contains(phase) }
            .map { LegendEntry(.swatch(colour($0)), RichText($0.rawValue)) }
        legend.append(LegendEntry(.line(.black, dash: nil, marker: .none), RichText("Jacobian, k_{B}T = \(short(t)) meV")))
        if let d = dashedTemperature {
            series += lines(d, dash: [6, 4])
            legend.append(LegendEntry(.line(.black, dash: [6, 4], marker: .none), RichText("Jacobian, k_{B}T = \(short(d)) meV")))
        }
        let p = grid.parameters
        let panel = Panel(x: Axis("γ_{B}/(α_{B}|g_{B}|)", range: grid.ratioRange), y: Axis("j_{AB} (meV)", range: grid.couplingRange),
                          cells: CellMap(columns: grid.columns, rows: grid.rows, colours: colours), series: series, legend: legend)
        let missing = grid.count - points.count
        let caption = RichText("""
            Phase diagram of the mean-field equations NC(8) on a \(grid.columns) × \(grid.rows) grid \
            (k_{B}T = \(short(t)) meV, j_{AA} = \(short(p.jAA)) meV, j_{BB} = \(short(p.jBB)) meV, α_{A} = \(short(p.alphaA)), \
            α_{B} = \(short(p.alphaB)), g_{B} = \(short(p.gB)) meV, n = \(short(p.filling))). Each cell: the long-time state from a \
            seeded random initial condition (seed \(grid.seed) + index), integrated with DOP853 (rtol 10^{-10}) until settled and \
            classified by Δφ and |m_{A}|, |m_{B}|. Lines: boundaries of the aligned state predicted by its Jacobian \
            (aligned → antialigned flip and chiral onset), solid at k_{B}T = \(short(t)) meV\
            \(dashedTemperature.map { ", dashed at k_BT = \(short($0)) meV" } ?? "").\(missing > 0 ? " \(missing) cells not computed (white)." : "")
            """.replacingOccurrences(of: "k_BT", with: "k_{B}T"))
        let side = max(grid.columns, grid.rows)
        let cell = max(1.0, (500.0 / Double(side)).rounded(.down))
        return Figure(panels: [panel], caption: caption,
                      plotWidth: cell * Double(grid.columns), plotHeight: cell * Double(grid.rows))
    }

    /// The figure in one format.
    public static func render(_ grid: PhaseDiagramGrid, _ points: [PhaseDiagramPoint], format: FigureFormat,
                              dashedTemperature: Double? = 5) throws -> [UInt8] {
        try figure(grid, points, dashedTemperature: dashedTemperature).rendered(format)
    }
}
