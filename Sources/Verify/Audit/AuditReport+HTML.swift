import Foundation
import Symbolic

/// The browsable report (`referee audit --format html`): one self-contained page (inline CSS and
/// script, no network) listing every claim with both equation numbers, the printed formula, the
/// verdict, method and digits, and for each discrepancy the computed form beside the printed one;
/// buttons filter by verdict. Formulas are MathML (rendered by the browser, no script), every claim
/// has an anchor (`report.html#sd.gamma`), and the head of the page states the Referee version and
/// commit, the date, seed and command line, and the SHA-256 digest of every derivation file.
extension AuditReport {
    /// The method column: "exact · P(false accept) <= …" or "numeric · N digits · error". A short part
    /// stays on one line (an error estimate never breaks at its "e-"); a long one may wrap, so that a
    /// narrow window needs no horizontal scrolling. (A separate function: inlined into `html()`, Swift
    /// 6.3's optimizer crashed on the switch over the method in release mode.)
    static func methodHTML(_ v: Verdict, _ esc: (String) -> String) -> String {
        var parts: [String]
        switch v.method {
        case .exact(let bound?): parts = ["exact", "P(false accept) <= \(bound)"]
        case .exact: parts = ["exact"]
        case .numeric(let digits, let error): parts = ["numeric", "\(digits) digits", error]
        case .none: parts = ["none"]
        }
        return parts.map { $0.count <= 16 ? "<span class=\"part\">\(esc($0))</span>" : esc($0) }.joined(separator: " · ")
    }

    /// Version, commit, date, command line and file digests (empty when the report has no provenance).
    func provenanceHTML(_ esc: (String) -> String) -> String {
        guard let p = provenance else { return "" }
        let files = p.files.map { "<tr><td><code>\(esc($0.path))</code></td><td><code>\(esc($0.sha256))</code></td></tr>" }.joined()
        return """
        <div class="provenance">Referee \(esc(p.version)) · commit <code>\(esc(p.commit))</code>\(p.date.isEmpty ? "" : " · " + esc(p.date))\
        \(p.commandLine.isEmpty ? "" : " · <code>" + esc(p.commandLine) + "</code>")
        <details><summary>\(p.files.count) derivation file\(p.files.count == 1 ? "" : "s") (SHA-256)</summary><table>\(files)</table></details></div>
        """
    }

    public func html() -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        /// A claim id with break opportunities after `.` and `-`, so it wraps between words.
        func breakable(_ id: String) -> String {
            esc(id).replacingOccurrences(of: ".", with: ".<wbr>").replacingOccurrences(of: "-", with: "-<wbr>")
        }
        var rows = ""
        var currentFile: String? = nil
        for r in results {
            if r.claim.file != currentFile {
                currentFile = r.claim.file
                let inFile = results.filter { $0.claim.file == r.claim.file }
                let tally = VerdictKind.allCases.compactMap { k -> String? in
                    let n = inFile.filter { $0.verdict.kind == k }.count
                    return n == 0 ? nil : "\(n) \(k.rawValue)"
                }.joined(separator: ", ")
                let present = Set(inFile.map(\.verdict.kind.rawValue)).sorted().joined(separator: " ")
                rows += "<tr class=\"file\" data-verdicts=\"\(present)\"><td colspan=\"6\">\(esc(r.claim.file)) <span class=\"tally\">\(inFile.count) claims: \(tally)</span></td></tr>\n"
            }
            let v = r.verdict
            let method = Self.methodHTML(v, esc)
            var details = "<div class=\"statement\">\(esc(r.claim.statement))</div>"
            details += "<div><span class=\"label\">printed</span> \(ReportFormulas.html(r.claim.printed.value))</div>"
            if let c = v.computed, v.kind != .verified || r.claim.check != "identity" {
                details += "<div><span class=\"label\">computed</span> \(ReportFormulas.html(c))</div>"
            }
            if let correction = r.claim.spec.text("correction") {
                details += "<div><span class=\"label\">correction</span> \(ReportFormulas.html(correction))</div>"
            }
            if let rel = v.relation { details += "<div><span class=\"label\">relation</span> \(ReportFormulas.html(rel))</div>" }
            if let conv = r.claim.spec.text("conventions") { details += "<div><span class=\"label\">conventions</span> \(esc(conv))</div>" }
            details += "<div class=\"detail\">\(esc(v.detail))</div>"
            details += "<div class=\"where\">\(esc(r.claim.file)):\(r.claim.line)</div>"
            let unexpected = r.isAsExpected ? "" : " <span class=\"unexpected\">expected \(r.claim.expected.rawValue)</span>"
            rows += """
            <tr class="claim \(v.kind.rawValue)" data-verdict="\(v.kind.rawValue)" id="\(esc(r.claim.id))">
            <td class="id"><a class="anchor" href="#\(esc(r.claim.id))"><code>\(breakable(r.claim.id))</code></a></td><td>\(esc(r.claim.labels("NC").joined(separator: ", ")))</td>
            <td>\(esc(r.claim.labels("AX").joined(separator: ", ")))</td><td>\(esc(r.claim.check))</td>
            <td><span class="badge \(v.kind.rawValue)">\(v.kind.rawValue)</span>\(unexpected)</td><td class="method">\(method)</td></tr>
            <tr class="details \(v.kind.rawValue)" data-verdict="\(v.kind.rawValue)"><td colspan="6">\(details)</td></tr>

            """
        }
        let buttons = (["all"] + counts.filter { $0.1 > 0 }.map { $0.0.rawValue }).map { k in
            let n = k == "all" ? results.count : results.filter { $0.verdict.kind.rawValue == k }.count
            return "<button data-filter=\"\(k)\"\(k == "all" ? " class=\"active\"" : "")>\(k) (\(n))</button>"
        }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Referee audit</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: .2em; }
        .summary { color: #555; margin-bottom: 1em; }
        button { border: 1px solid #bbb; background: #f6f6f6; border-radius: 4px; padding: .3em .8em; margin-right: .4em; cursor: pointer; }
        button.active { background: #333; color: #fff; border-color: #333; }
        table { border-collapse: collapse; width: 100%; margin-top: 1em; table-layout: fixed; }
        col.id { width: 24%; } col.nc, col.ax { width: 7%; } col.check { width: 13%; } col.verdict { width: 15%; }
        th { text-align: left; border-bottom: 2px solid #333; padding: .4em; }
        td { padding: .35em .4em; vertical-align: top; }
        tr.claim td { border-top: 1px solid #ddd; }
        tr.details td { padding: 0 .4em .8em 1.6em; font-size: .92em; color: #333; }
        code { font-family: SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; overflow-wrap: anywhere; }
        td.id code { overflow-wrap: normal; }
        .filters { position: sticky; top: 0; background: #fff; padding: .5em 0; z-index: 1; border-bottom: 1px solid #eee; }
        tr.file td { padding: 1.4em .4em .3em; font-weight: 600; font-size: 1.05em; border-bottom: 1px solid #333; }
        tr.file .tally { font-weight: normal; color: #777; font-size: .9em; margin-left: .6em; }
        tr.claim td:first-child, tr.details td { border-left: 4px solid transparent; }
        tr.verified td:first-child { border-left-color: #2e7d32; } tr.discrepancy td:first-child { border-left-color: #c62828; }
        tr.inconclusive td:first-child { border-left-color: #ef6c00; } tr.unsupported td:first-child { border-left-color: #6d4c41; }
        tr.error td:first-child { border-left-color: #000; }
        tr.details td { overflow-wrap: anywhere; }
        .badge { display: inline-block; border-radius: 3px; padding: 0 .5em; color: #fff; font-weight: 600; }
        .badge.verified { background: #2e7d32; } .badge.discrepancy { background: #c62828; }
        .badge.inconclusive { background: #ef6c00; } .badge.unsupported { background: #6d4c41; } .badge.error { background: #000; }
        .unexpected { color: #c62828; font-weight: 600; margin-left: .4em; }
        .label { display: inline-block; min-width: 6.5em; color: #777; }
        .statement { font-style: italic; margin: .2em 0; }
        .detail { color: #555; margin-top: .2em; }
        .where { color: #999; font-size: .9em; }
        .method { color: #555; } .method .part { white-space: nowrap; }
        tr.discrepancy { background: #fff5f5; }
        math { font-size: 1.12em; } .formula { display: inline-block; margin: .1em 0; max-width: calc(100% - 7em); overflow-x: auto; vertical-align: middle; } .prose { color: #555; }
        a.anchor { color: inherit; text-decoration: none; } a.anchor:hover { text-decoration: underline; }
        tr.claim:target td, tr.claim:target + tr.details td { background: #fffbe0; }
        .provenance { color: #555; font-size: .92em; margin-bottom: .6em; } .provenance code { font-size: .95em; }
        .provenance details { margin-top: .3em; } .provenance td { padding: 0 .8em 0 0; }
        </style></head><body>
        <h1>Referee audit</h1>
        <div class="summary">\(esc(summaryLine())) · seed \(seed) · \(digits) digits</div>
        \(provenanceHTML(esc))
        <div class="filters">\(buttons)</div>
        <table><colgroup><col class="id"><col class="nc"><col class="ax"><col class="check"><col class="verdict"><col class="method"></colgroup>
        <thead><tr><th>claim</th><th>NC</th><th>AX</th><th>check</th><th>verdict</th><th>method</th></tr></thead>
        <tbody>
        \(rows)</tbody></table>
        <script>
        document.querySelectorAll('button[data-filter]').forEach(function (b) {
          b.addEventListener('click', function () {
            document.querySelectorAll('button[data-filter]').forEach(function (x) { x.classList.remove('active'); });
            b.classList.add('active');
            var f = b.getAttribute('data-filter');
            history.replaceState(null, '', f === 'all' ? location.pathname : '#' + f);
            document.querySelectorAll('tr[data-verdict]').forEach(function (r) {
              r.style.display = (f === 'all' || r.getAttribute('data-verdict') === f) ? '' : 'none';
            });
            // A file's heading shows only when one of its claims does.
            document.querySelectorAll('tr[data-verdicts]').forEach(function (r) {
              r.style.display = (f === 'all' || r.getAttribute('data-verdicts').split(' ').indexOf(f) >= 0) ? '' : 'none';
            });
          });
        });
        // report.html#discrepancy opens with that filter applied.
        var initial = document.querySelector('button[data-filter="' + location.hash.slice(1) + '"]');
        if (initial) { initial.click(); }
        </script>
        </body></html>

        """
    }
}
