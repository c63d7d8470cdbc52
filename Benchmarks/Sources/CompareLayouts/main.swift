import DossierGraphviz
import DossierModel
import Foundation

// Draws the same diagrams twice, with Dossier's own layered layout and with Graphviz's dot,
// for `compare_layouts.py`: reads a JSON array of `Diagram` values, writes `<i>.own.svg`
// (for diagrams the own layout takes) and `<i>.dot.svg` into a folder, and prints one JSON
// object with what took which path and how long each path took per diagram.
//
//     compare-layouts diagrams.json out/

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: compare-layouts diagrams.json output-folder\n".utf8))
    exit(2)
}
let diagrams = try JSONDecoder().decode([Diagram].self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
let folder = URL(fileURLWithPath: arguments[2], isDirectory: true)
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

let own = GraphvizRenderer()
let dot = GraphvizRenderer(laysOutSimpleDiagrams: false)
@MainActor func options(_ index: Int) -> DrawingOptions {
    DrawingOptions(idPrefix: "d\(index)", title: "Diagram \(index)", embedsStylesheet: true)
}

var qualifying: [Int] = []
for (index, diagram) in diagrams.enumerated() {
    if own.laysOutWithoutGraphviz(diagram) {
        qualifying.append(index)
        try own.svg(for: diagram, options: options(index)).write(to: folder.appendingPathComponent("\(index).own.svg"), atomically: true, encoding: .utf8)
    }
    let svg = (try? dot.svg(for: diagram, options: options(index))) ?? ""
    try svg.write(to: folder.appendingPathComponent("\(index).dot.svg"), atomically: true, encoding: .utf8)
}

/// Seconds per diagram for drawing every qualifying diagram `rounds` times with `renderer`.
@MainActor func seconds(_ make: () -> GraphvizRenderer, rounds: Int) -> Double {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    for _ in 0..<rounds {
        let renderer = make() // a fresh renderer each round: Graphviz's cache starts empty
        let elapsed = clock.measure {
            for index in qualifying { _ = try? renderer.svg(for: diagrams[index], options: options(index)) }
        }
        best = min(best, elapsed)
    }
    let (whole, fraction) = best.components
    return (Double(whole) + Double(fraction) / 1e18) / Double(max(qualifying.count, 1))
}
let rounds = qualifying.count > 500 ? 3 : 20
let ownSeconds = seconds({ GraphvizRenderer() }, rounds: rounds)
let dotSeconds = seconds({ GraphvizRenderer(laysOutSimpleDiagrams: false) }, rounds: rounds)

let report: [String: Any] = [
    "diagrams": diagrams.count,
    "own": qualifying,
    "ownMicrosecondsPerDiagram": (ownSeconds * 1e6).rounded(),
    "dotMicrosecondsPerDiagram": (dotSeconds * 1e6).rounded(),
    "dotLayouts": dot.layoutCount,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
