/// A small inline SVG bar chart of the described connections by where they go: a provider's
/// name when known, else the kind of address (the local network, the internet, this machine).
struct ReportChart {
  /// Bars: label and count, the largest first.
  let bars: [(label: String, count: Int)]

  /// How many bars are drawn; the rest are summed into "other".
  static let barsShown = 8

  init(_ report: ConnectionReport) {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for remote in report.programs.flatMap({ $0.remotes }) where remote.state != "TIME_WAIT" {
      let label = remote.toThisMachine ? AddressClass.loopback.words : remote.provider ?? remote.addressClass.words
      if counts[label] == nil { order.append(label) }
      counts[label, default: 0] += 1
    }
    let ranked = order.enumerated().sorted { (counts[$0.1]!, $1.0) > (counts[$1.1]!, $0.0) }.map { ($0.1, counts[$0.1]!) }
    var bars = Array(ranked.prefix(Self.barsShown))
    let rest = ranked.dropFirst(Self.barsShown).map { $0.1 }.reduce(0, +)
    if rest > 0 { bars.append(("other", rest)) }
    self.bars = bars.map { (label: $0.0, count: $0.1) }
  }

  /// The chart as an `<svg>` element, `nil` when there is no connection to draw.
  var svg: String? {
    guard let largest = bars.map({ $0.count }).max(), largest > 0 else { return nil }
    let rowHeight = 22
    let labelWidth = 230
    let barWidth = 300
    let height = bars.count * rowHeight + 4
    let total = bars.map { $0.count }.reduce(0, +)
    var out = "<svg role=\"img\" width=\"100%\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" "
    out += "aria-label=\"\(ConnectionReport.count(total, "connection")) by where they go\">\n"
    for (index, bar) in bars.enumerated() {
      let y = index * rowHeight + 2
      let width = max(2, bar.count * barWidth / largest)
      let label = ReportHTMLRenderer.escape(bar.label)
      out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(label)</text>"
      out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 8)\" fill=\"#4a7bb7\"/>"
      out += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(bar.count)</text>\n"
    }
    return out + "</svg>"
  }
}
