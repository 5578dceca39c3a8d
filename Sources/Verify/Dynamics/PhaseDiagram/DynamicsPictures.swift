import Foundation
import Plot

/// Figures of the long-time states and trajectories of NC(8) and of the two-spin NC(6) experiment.
public enum DynamicsPictures {
    static func short(_ x: Double) -> String {
        let s = String(format: "%g", x)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }

    static func parameterText(_ p: BilayerParameters) -> String {
        "j_{AB} = \(short(p.jAB)) meV, k_{B}T = \(short(p.temperature)) meV, j_{AA} = \(short(p.jAA)) meV, j_{BB} = \(short(p.jBB)) meV, " +
        "α_{A} = \(short(p.alphaA)), α_{B} = \(short(p.alphaB)), g_{B} = \(short(p.gB)) meV, n = \(short(p.filling))"
    }

    static let blue = Colour(bytes: 40, 90, 200), red = Colour(bytes: 200, 50, 50), green = Colour(bytes: 30, 140, 60)

    /// NC Fig. 5e/f: (e) Δφ and (f) |m_A|, |m_B| of the long-time state against r = γ_B/(α_B|g_B|), one dot per
    /// (r, seed); dotted vertical lines at the aligned state's Jacobian thresholds (flip and chiral onset).
    public static func curves(_ points: [MeanFieldCurves.Point], parameters p: BilayerParameters) -> Figure {
        let rs = points.map(\.ratio)
        let r0 = rs.min() ?? 0, r1 = max(rs.max() ?? 1, r0 + 1e-9)
        let pad = (r1 - r0) * 0.02
        let xRange = (r0 - pad)...(r1 + pad)
        var thresholds: [Series] = []
        var legendE = [LegendEntry(.line(blue, dash: nil, marker: .dot), "Δφ (simulation)")]
        var legendF = [LegendEntry(.line(blue, dash: nil, marker: .dot), "|m_{A}|"), LegendEntry(.line(red, dash: nil, marker: .dot), "|m_{B}|")]
        var note = ""
        if let f = BilayerStability.predictedFlip(p, upTo: r1 + pad, tolerance: 1e-8) {
            thresholds.append(Series([(x: f.value, y: -1e3), (x: f.value, y: 1e3)], colour: .grey, width: 1.2, dash: [2, 3]))
            note += " Flip (aligned → antialigned) predicted at r = \(String(format: "%.4f", f.value))"
        }
        if let c = BilayerStability.predictedChiralOnset(p, upTo: r1 + pad, tolerance: 1e-8) {
            thresholds.append(Series([(x: c.value, y: -1e3), (x: c.value, y: 1e3)], colour: .grey, width: 1.2, dash: [6, 3]))
            note += (note.isEmpty ? " Instability" : ", instability") + " of the aligned state at r = \(String(format: "%.4f", c.value))"
        }
        if !thresholds.isEmpty {
            note += " (grey lines, from the Jacobian of NC(8))."
            let entries = [LegendEntry(.line(.grey, dash: [2, 3], marker: .none), "flip (Jacobian)"),
                           LegendEntry(.line(.grey, dash: [6, 3], marker: .none), "instability (Jacobian)")]
            legendE += entries
            legendF += entries
        }
        let bySeed = Dictionary(grouping: points, by: \.seed).sorted { $0.key < $1.key }
        var phi: [Series] = [], mags: [Series] = []
        for (_, pts) in bySeed {
            let sorted = pts.sorted { $0.ratio < $1.ratio }
            phi.append(Series(sorted.map { (x: $0.ratio, y: Optional(abs($0.state.deltaPhi))) }, colour: blue, width: 1.5, marker: .dot, markersOnly: true))
            mags.append(Series(sorted.map { (x: $0.ratio, y: Optional($0.state.mA)) }, colour: blue, width: 1.5, marker: .dot))
            mags.append(Series(sorted.map { (x: $0.ratio, y: Optional($0.state.mB)) }, colour: red, width: 1.5, marker: .dot))
        }
        let piTicks: [(value: Double, label: RichText)] = [(0, "0"), (Double.pi / 4, "π/4"), (Double.pi / 2, "π/2"), (3 * Double.pi / 4, "3π/4"), (Double.pi, "π")]
        let mMax = max(points.map { max($0.state.mA, $0.state.mB) }.max() ?? 1, 1e-3) * 1.08
        let e = Panel(title: "e", x: Axis("γ_{B}/(α_{B}|g_{B}|)", range: xRange), y: Axis("|Δφ| (rad)", range: -0.1...(Double.pi + 0.1), ticks: piTicks),
                      series: thresholds + phi, legend: legendE)
        let f = Panel(title: "f", x: Axis("γ_{B}/(α_{B}|g_{B}|)", range: xRange), y: Axis("|m_{A}|, |m_{B}|", range: 0...mMax),
                      series: thresholds + mags, legend: legendF)
        let seeds = bySeed.count
        let caption = RichText("""
            Long-time state of the mean-field equations NC(8) against the light strength γ_{B}/(α_{B}|g_{B}|) (NC Fig. 5e/f), \
            \(parameterText(p)). Each dot: one simulation from a seeded random initial condition (\(seeds) seed\(seeds == 1 ? "" : "s") per value), \
            integrated with DOP853 (rtol 10^{-10}) until |m_{A}|, |m_{B}| and Δφ settle; Δφ = φ_{A} − φ_{B} in (−π, π], shown as |Δφ|.\(note)
            """)
        return Figure(panels: [e, f], caption: caption, plotWidth: 360, plotHeight: 270)
    }

    /// NC Fig. 5b–d: trajectories of m_A and m_B of NC(8) in the plane, one panel per ratio, from the same seeded
    /// random initial condition; a square marks the start and a dot the end of each curve.
    public static func bilayerTrajectories(_ parameters: BilayerParameters, ratios: [Double], seed: UInt64, duration: Double,
                                           samples: Int = 3000) throws -> Figure {
        var panels: [Panel] = []
        for (k, r) in ratios.enumerated() {
            let p = parameters.with(gammaRatio: r)
            let t = try Trajectory.sample(BilayerMeanField(p), from: BilayerSimulation.randomInitialCondition(seed: seed),
                                          duration: duration, samples: samples)
            let a = t.states.map { (x: $0[0], y: Optional($0[1])) }, b = t.states.map { (x: $0[2], y: Optional($0[3])) }
            let extent = max(0.05, (t.states.flatMap { $0 }.map(abs).max() ?? 1) * 1.1)
            let ends = [Series([a[0]], colour: blue, width: 2, marker: .square, markersOnly: true),
                        Series([b[0]], colour: red, width: 2, marker: .square, markersOnly: true),
                        Series([a[a.count - 1]], colour: blue, width: 2.5, marker: .dot, markersOnly: true),
                        Series([b[b.count - 1]], colour: red, width: 2.5, marker: .dot, markersOnly: true)]
            let legend: [LegendEntry] = k == ratios.count - 1
                ? [LegendEntry(.line(blue, dash: nil, marker: .none), "m_{A}"), LegendEntry(.line(red, dash: nil, marker: .none), "m_{B}"),
                   LegendEntry(.line(.black, dash: nil, marker: .square), "start"), LegendEntry(.line(.black, dash: nil, marker: .dot), "end")]
                : []
            panels.append(Panel(title: RichText("γ_{B}/(α_{B}|g_{B}|) = \(short(r))"),
                                x: Axis("m^{x}", range: -extent...extent), y: Axis("m^{y}", range: -extent...extent),
                                series: [Series(a, colour: blue, width: 1.2), Series(b, colour: red, width: 1.2)] + ends,
                                legend: legend, equalAspect: true))
        }
        let caption = RichText("""
            Trajectories of the layer magnetizations m_{A}(t), m_{B}(t) of the mean-field equations NC(8) (cf. NC Fig. 5b–d), \
            \(parameterText(parameters)), from the random initial condition of seed \(seed), over 0 ≤ t ≤ \(short(duration)) ħ/meV \
            (DOP853, rtol 10^{-10}, drawn from the dense output).
            """)
        return Figure(panels: panels, caption: caption, plotWidth: 260, plotHeight: 260)
    }

    /// The two-spin experiment of NC(6) (`TwoSpinChase`): the angle θ_12 between S_1 (lit) and S_2 against time for
    /// several r = γ_1/(α_1|g_1|), from S_1 = x̂, S_2 at angle θ₀ in the xy plane, and the x component of S_2
    /// (a rotating pair, chase and runaway, oscillates; a static one settles).
    public static func twoSpinTrajectories(_ chase: TwoSpinChase, ratios: [Double], initialAngle: Double = 0.9, duration: Double,
                                           samples: Int = 2000) throws -> Figure {
        let palette = [Colour(bytes: 40, 90, 200), Colour(bytes: 200, 50, 50), Colour(bytes: 30, 140, 60), Colour(bytes: 150, 60, 170),
                       Colour(bytes: 230, 140, 20), Colour(bytes: 90, 90, 90)]
        var angle: [Series] = [], component: [Series] = [], legend: [LegendEntry] = []
        var largest = 0.0
        var outcomes: [String] = []
        for (k, r) in ratios.enumerated() {
            let c = palette[k % palette.count]
            let y0 = [1.0, 0, 0, cos(initialAngle), sin(initialAngle), 0]
            let t = try Trajectory.sample(try chase.model(ratio: r), from: y0, duration: duration, samples: samples, tolerances: chase.tolerances)
            var theta: [(x: Double, y: Double?)] = [], x2: [(x: Double, y: Double?)] = []
            for (time, y) in zip(t.times, t.states) {
                let a = (y[0] * y[0] + y[1] * y[1] + y[2] * y[2]).squareRoot(), b = (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]).squareRoot()
                let cosine = max(-1, min(1, (y[0] * y[3] + y[1] * y[4] + y[2] * y[5]) / max(a * b, 1e-300)))
                theta.append((time, acos(cosine))); x2.append((time, y[3]))
                largest = max(largest, abs(y[3]))
            }
            angle.append(Series(theta, colour: c, width: 1.6))
            component.append(Series(x2, colour: c, width: 1.2))
            legend.append(LegendEntry(.line(c, dash: nil, marker: .none), RichText("γ_{1}/(α_{1}|g_{1}|) = \(short(r))")))
            if let s = try? TwoSpinChase.longTimeState(of: try chase.model(ratio: r), initialAngle: initialAngle, maxTime: duration,
                                                       tolerances: chase.tolerances) {
                outcomes.append("\(short(r)): \(s.phase.rawValue)")
            }
        }
        let piTicks: [(value: Double, label: RichText)] = [(0, "0"), (Double.pi / 4, "π/4"), (Double.pi / 2, "π/2"), (3 * Double.pi / 4, "3π/4"), (Double.pi, "π")]
        let a = Panel(title: "angle between the spins", x: Axis("t (ħ/J)", range: 0...duration), y: Axis("θ_{12} (rad)", range: 0...Double.pi, ticks: piTicks),
                      series: angle, legend: [])
        let extent = max(largest, 1e-3) * 1.08
        let b = Panel(title: "x component of the unlit spin", x: Axis("t (ħ/J)", range: 0...duration), y: Axis("S_{2}^{x}", range: -extent...extent),
                      series: component, legend: legend)
        let caption = RichText("""
            Two spins under the light-induced LLG equation NC(6), spin 1 lit (γ_{1} = r α_{1}|g_{1}|, γ_{2} = 0), exchange J_{12} = \(short(chase.exchange)), \
            α_{1} = \(short(chase.alpha[0])), α_{2} = \(short(chase.alpha[1])), g = \(short(chase.sdCoupling)), n = \(short(chase.filling))\
            \(chase.fixedLength ? ", spin lengths held fixed" : ""); S_{1} = x̂ and S_{2} at θ_{0} = \(short(initialAngle)) rad in the xy plane at t = 0. \
            Integrated with DOP853 (rtol 10^{\(Int(log10(chase.tolerances.relative).rounded()))}), sampled from the dense output. \
            State at t = \(short(duration)) (classified as in the llg-chase-and-run check): \(outcomes.joined(separator: "; ")).
            """)
        return Figure(panels: [a, b], caption: caption, plotWidth: 340, plotHeight: 260)
    }
}
