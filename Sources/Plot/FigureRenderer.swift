/// Lays out a `Figure` and draws it with cairo; the same drawing gives the PNG, the PDF and the SVG.
///
/// Layout, left to right per panel: y-axis label (vertical), tick labels, plot area, legend. Above the
/// plot areas the panel titles; below, tick labels and the x-axis label; under everything the caption,
/// wrapped to the figure's width.
extension Figure {
    /// The figure in the given format (PNG: one pixel per point, RGB).
    public func rendered(_ format: FigureFormat) throws -> [UInt8] {
        let measure = CairoDrawing.measuring()
        let layout = FigureLayout(self, measure: measure)
        let drawing = CairoDrawing(format: format, width: layout.width, height: layout.height)
        layout.draw(self, on: drawing)
        return try drawing.finish()
    }
}

struct FigureLayout {
    struct PanelBox { var plotX: Double, plotY: Double, plotW: Double, plotH: Double, legendX: Double }
    var boxes: [PanelBox] = []
    var width: Double = 0
    var height: Double = 0
    var captionLines: [[RichText]] = []
    var captionY: Double = 0
    let margin = 16.0
    let tickLength = 5.0
    let font: Double
    var captionFont: Double { font * 0.85 }

    init(_ figure: Figure, measure: CairoDrawing) {
        font = figure.fontSize
        let tickFont = font * 0.9
        let hasTitle = figure.panels.contains { $0.title != nil }
        let top = margin + (hasTitle ? font * 1.8 : font * 0.6)
        var x = margin
        var bottom = 0.0
        for panel in figure.panels {
            let ticks = panel.y.tickMarks()
            let tickWidth = ticks.map { measure.width($0.label, size: tickFont) }.max() ?? 0
            let left = font * 1.4 + 8 + tickWidth + tickLength + 4
            var plotW = figure.plotWidth, plotH = figure.plotHeight
            if panel.equalAspect { plotW = min(plotW, plotH); plotH = plotW }
            let legendWidth = panel.legend.isEmpty ? 0 : 14 + 26 + (panel.legend.map { measure.width($0.label, size: font * 0.9) }.max() ?? 0)
            boxes.append(PanelBox(plotX: x + left, plotY: top, plotW: plotW, plotH: plotH, legendX: x + left + plotW + 14))
            x += left + plotW + legendWidth + margin
            bottom = max(bottom, top + plotH)
        }
        width = max(x, 360).rounded(.up)
        let axisBottom = bottom + tickLength + tickFont * 1.4 + font * 1.6
        // Caption: greedy word wrap.
        let available = width - 2 * margin
        let space = measure.width(" ", size: captionFont)
        var line: [RichText] = [], lineWidth = 0.0
        for word in figure.caption.words {
            let w = measure.width(word, size: captionFont)
            if !line.isEmpty && lineWidth + space + w > available {
                captionLines.append(line); line = []; lineWidth = 0
            }
            lineWidth += (line.isEmpty ? 0 : space) + w
            line.append(word)
        }
        if !line.isEmpty { captionLines.append(line) }
        captionY = axisBottom + captionFont * 1.2
        height = (captionY + Double(captionLines.count) * captionFont * 1.35 + margin).rounded(.up)
    }

    func draw(_ figure: Figure, on d: CairoDrawing) {
        d.setColour(.white); d.rectangle(0, 0, width, height); d.fill()
        for (panel, box) in zip(figure.panels, boxes) { draw(panel, box, on: d) }
        // Caption.
        let space = d.width(" ", size: captionFont)
        for (k, line) in captionLines.enumerated() {
            var x = margin
            let y = captionY + Double(k) * captionFont * 1.35
            for word in line {
                d.text(word, x: x, y: y, size: captionFont, colour: Colour(0.2, 0.2, 0.2))
                x += d.width(word, size: captionFont) + space
            }
        }
    }

    func draw(_ panel: Panel, _ b: PanelBox, on d: CairoDrawing) {
        let tickFont = font * 0.9
        func px(_ x: Double) -> Double { b.plotX + (x - panel.x.range.lowerBound) / (panel.x.range.upperBound - panel.x.range.lowerBound) * b.plotW }
        func py(_ y: Double) -> Double { b.plotY + b.plotH - (y - panel.y.range.lowerBound) / (panel.y.range.upperBound - panel.y.range.lowerBound) * b.plotH }
        if let cells = panel.cells { d.cells(cells, x: b.plotX, y: b.plotY, width: b.plotW, height: b.plotH) }
        // Series, clipped to the plot area.
        d.save()
        d.rectangle(b.plotX, b.plotY, b.plotW, b.plotH); d.clip()
        for s in panel.series {
            d.setColour(s.colour)
            if !s.markersOnly {
                d.setLine(width: s.width, dash: s.dash)
                var pen = false
                for p in s.points {
                    guard let y = p.y, y.isFinite, p.x.isFinite else { pen = false; continue }
                    if pen { d.line(px(p.x), py(y)) } else { d.move(px(p.x), py(y)); pen = true }
                }
                d.stroke()
            }
            if s.marker != .none {
                for p in s.points {
                    guard let y = p.y, y.isFinite else { continue }
                    marker(s.marker, px(p.x), py(y), radius: max(2, s.width * 1.4), on: d)
                }
                d.fill()
            }
        }
        d.restore()
        // Frame, ticks, tick labels.
        d.setColour(.black); d.setLine(width: 1)
        d.rectangle(b.plotX, b.plotY, b.plotW, b.plotH); d.stroke()
        for t in panel.x.tickMarks() {
            let x = px(t.value)
            d.move(x, b.plotY + b.plotH); d.line(x, b.plotY + b.plotH + tickLength)
            d.move(x, b.plotY); d.line(x, b.plotY + tickLength * 0.6)
            d.stroke()
            d.text(t.label, x: x, y: b.plotY + b.plotH + tickLength + tickFont * 1.1, size: tickFont, anchor: 0.5)
        }
        var tickWidth = 0.0
        for t in panel.y.tickMarks() {
            let y = py(t.value)
            d.move(b.plotX - tickLength, y); d.line(b.plotX, y)
            d.move(b.plotX + b.plotW, y); d.line(b.plotX + b.plotW - tickLength * 0.6, y)
            d.stroke()
            d.text(t.label, x: b.plotX - tickLength - 4, y: y + tickFont * 0.35, size: tickFont, anchor: 1)
            tickWidth = max(tickWidth, d.width(t.label, size: tickFont))
        }
        // Axis labels and title.
        d.text(panel.x.label, x: b.plotX + b.plotW / 2, y: b.plotY + b.plotH + tickLength + tickFont * 1.4 + font * 1.3, size: font, anchor: 0.5)
        d.text(panel.y.label, x: b.plotX - tickLength - 8 - tickWidth - font * 0.35, y: b.plotY + b.plotH / 2, size: font, anchor: 0.5, vertical: true)
        if let title = panel.title { d.text(title, x: b.plotX, y: b.plotY - font * 0.6, size: font * 1.05) }
        // Legend.
        var ly = b.plotY + 4
        for entry in panel.legend {
            switch entry.sample {
            case .swatch(let c):
                d.setColour(c); d.rectangle(b.legendX, ly, 18, 12); d.fill()
                d.setColour(.black); d.setLine(width: 0.5); d.rectangle(b.legendX, ly, 18, 12); d.stroke()
            case .line(let c, let dash, let m):
                d.setColour(c); d.setLine(width: 1.8, dash: dash)
                d.move(b.legendX, ly + 6); d.line(b.legendX + 22, ly + 6); d.stroke()
                if m != .none { marker(m, b.legendX + 11, ly + 6, radius: 2.6, on: d); d.fill() }
            }
            d.text(entry.label, x: b.legendX + 26, y: ly + 10.5, size: font * 0.9)
            ly += font * 1.6
        }
    }

    func marker(_ m: Series.Marker, _ x: Double, _ y: Double, radius r: Double, on d: CairoDrawing) {
        switch m {
        case .none: break
        case .dot: d.circle(x, y, r)
        case .square: d.rectangle(x - r, y - r, 2 * r, 2 * r)
        }
    }
}
