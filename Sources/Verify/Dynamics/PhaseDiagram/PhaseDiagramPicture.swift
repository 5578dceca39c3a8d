import Foundation

/// Pictures of a phase diagram: SVG (cells, predicted boundaries, axes with titles, legend) and PNG (cells,
/// predicted boundaries, frame, ticks and tick values; no words).
/// Colours follow NC Fig. 1c: aligned blue, antialigned red, chiral cyan; disordered grey,
/// single-layer light grey, unsettled black.
public enum PhaseDiagramPicture {
    public static func colour(_ phase: BilayerPhase) -> (UInt8, UInt8, UInt8) {
        switch phase {
        case .aligned: return (70, 110, 220)
        case .antialigned: return (220, 70, 70)
        case .chiral: return (60, 210, 220)
        case .disordered: return (150, 150, 150)
        case .singleLayer: return (210, 210, 210)
        case .unsettled: return (0, 0, 0)
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

    /// An SVG of the cells with the predicted boundaries at the grid's temperature (solid) and at
    /// `dashedTemperature` (dashed), axes in r = γ_B/(α_B|g_B|) and j_AB (meV).
    public static func svg(_ grid: PhaseDiagramGrid, _ points: [PhaseDiagramPoint], dashedTemperature: Double? = 5) -> String {
        let width = 640.0, height = 480.0, left = 70.0, bottom = 60.0, top = 30.0, right = 150.0
        let plotW = width - left - right, plotH = height - top - bottom
        let cw = plotW / Double(grid.columns), ch = plotH / Double(grid.rows)
        func x(_ r: Double) -> Double { left + (r - grid.ratioRange.lowerBound) / (grid.ratioRange.upperBound - grid.ratioRange.lowerBound) * plotW }
        func y(_ j: Double) -> Double { top + plotH - (j - grid.couplingRange.lowerBound) / (grid.couplingRange.upperBound - grid.couplingRange.lowerBound) * plotH }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        for p in points {
            let c = colour(p.state.phase)
            let col = p.index % grid.columns, row = p.index / grid.columns
            s += String(format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"rgb(%d,%d,%d)\"/>\n",
                        left + Double(col) * cw, top + plotH - Double(row + 1) * ch, cw + 0.3, ch + 0.3, c.0, c.1, c.2)
        }
        func polyline(_ pts: [(Double, Double)], dashed: Bool) -> String {
            guard pts.count > 1 else { return "" }
            let coords = pts.map { String(format: "%.2f,%.2f", x($0.0), y($0.1)) }.joined(separator: " ")
            return "<polyline points=\"\(coords)\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"\(dashed ? " stroke-dasharray=\"6,4\"" : "")/>\n"
        }
        let solid = predictedBoundaries(grid, temperature: grid.parameters.temperature)
        s += polyline(solid.flip, dashed: false) + polyline(solid.chiral, dashed: false)
        if let t = dashedTemperature {
            let dashed = predictedBoundaries(grid, temperature: t)
            s += polyline(dashed.flip, dashed: true) + polyline(dashed.chiral, dashed: true)
        }
        s += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotW)\" height=\"\(plotH)\" fill=\"none\" stroke=\"black\"/>\n"
        for k in 0...5 {
            let r = grid.ratioRange.lowerBound + Double(k) / 5 * (grid.ratioRange.upperBound - grid.ratioRange.lowerBound)
            let j = grid.couplingRange.lowerBound + Double(k) / 5 * (grid.couplingRange.upperBound - grid.couplingRange.lowerBound)
            s += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.3g</text>\n", x(r), top + plotH + 18, r)
            s += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.3g</text>\n", left - 6, y(j) + 4, j)
        }
        s += "<text x=\"\(left + plotW / 2)\" y=\"\(height - 15)\" text-anchor=\"middle\">γ_B / (α_B |g_B|)</text>\n"
        s += "<text x=\"18\" y=\"\(top + plotH / 2)\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(top + plotH / 2))\">j_AB (meV)</text>\n"
        s += "<text x=\"\(left)\" y=\"18\">NC(8), k_BT = \(grid.parameters.temperature) meV; lines: Jacobian boundaries (dashed: k_BT = \(dashedTemperature.map { "\($0)" } ?? "–") meV)</text>\n"
        var ly = top + 10
        for phase in BilayerPhase.allCases {
            let c = colour(phase)
            s += "<rect x=\"\(width - right + 15)\" y=\"\(ly)\" width=\"14\" height=\"14\" fill=\"rgb(\(c.0),\(c.1),\(c.2))\" stroke=\"black\" stroke-width=\"0.5\"/>"
            s += "<text x=\"\(width - right + 35)\" y=\"\(ly + 11)\">\(phase.rawValue)</text>\n"
            ly += 22
        }
        return s + "</svg>\n"
    }

    /// PNG of the cells, each cell `scale` × `scale` pixels, j_AB increasing upwards, with what the SVG has except
    /// words: a frame, six ticks per axis labelled with their values (r = γ_B/(α_B|g_B|) below, j_AB in meV on the
    /// left), and the Jacobian boundaries (solid at the grid's temperature, dashed at `dashedTemperature`).
    public static func png(_ grid: PhaseDiagramGrid, _ points: [PhaseDiagramPoint], scale: Int? = nil,
                           dashedTemperature: Double? = 5) -> [UInt8] {
        let s = scale ?? max(1, 600 / max(grid.columns, grid.rows))
        let plotW = grid.columns * s, plotH = grid.rows * s
        let font = 2, left = 60, top = 16, right = 16, bottom = 40
        var canvas = RasterCanvas(width: left + plotW + right, height: top + plotH + bottom)
        for p in points {
            let col = p.index % grid.columns, row = grid.rows - 1 - p.index / grid.columns
            canvas.fill(x: left + col * s, y: top + row * s, width: s, height: s, colour(p.state.phase))
        }
        let r0 = grid.ratioRange.lowerBound, r1 = grid.ratioRange.upperBound
        let j0 = grid.couplingRange.lowerBound, j1 = grid.couplingRange.upperBound
        func px(_ r: Double) -> Int { left + Int(((r - r0) / (r1 - r0) * Double(plotW)).rounded()) }
        func py(_ j: Double) -> Int { top + plotH - Int(((j - j0) / (j1 - j0) * Double(plotH)).rounded()) }
        func polyline(_ pts: [(Double, Double)], dashed: Bool) {
            guard pts.count > 1 else { return }
            for k in 1..<pts.count {
                canvas.line(px(pts[k - 1].0), py(pts[k - 1].1), px(pts[k].0), py(pts[k].1), (0, 0, 0), thickness: 2, dash: dashed ? (6, 4) : nil)
            }
        }
        let solid = predictedBoundaries(grid, temperature: grid.parameters.temperature)
        polyline(solid.flip, dashed: false); polyline(solid.chiral, dashed: false)
        if let t = dashedTemperature {
            let dashed = predictedBoundaries(grid, temperature: t)
            polyline(dashed.flip, dashed: true); polyline(dashed.chiral, dashed: true)
        }
        // The boundary lines may run past the plot: restore the margins, then frame, ticks and labels.
        canvas.fill(x: 0, y: 0, width: canvas.width, height: top, (255, 255, 255))
        canvas.fill(x: 0, y: top + plotH, width: canvas.width, height: bottom, (255, 255, 255))
        canvas.fill(x: 0, y: 0, width: left, height: canvas.height, (255, 255, 255))
        canvas.fill(x: left + plotW, y: 0, width: right, height: canvas.height, (255, 255, 255))
        canvas.frame(x: left, y: top, width: plotW, height: plotH, (0, 0, 0))
        for k in 0...5 {
            let r = r0 + Double(k) / 5 * (r1 - r0), j = j0 + Double(k) / 5 * (j1 - j0)
            let x = px(r), y = py(j)
            canvas.line(x, top + plotH, x, top + plotH + 6, (0, 0, 0))
            canvas.line(left - 7, y, left - 1, y, (0, 0, 0))
            let rText = String(format: "%.3g", r), jText = String(format: "%.3g", j)
            canvas.text(rText, x: x - RasterCanvas.textWidth(rText, scale: font) / 2, y: top + plotH + 10, scale: font, (0, 0, 0))
            canvas.text(jText, x: left - 11 - RasterCanvas.textWidth(jText, scale: font), y: y - 5 * font / 2, scale: font, (0, 0, 0))
        }
        return PNGEncoder.encode(width: canvas.width, height: canvas.height, rgb: canvas.pixels)
    }
}
