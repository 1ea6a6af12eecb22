/// Values as the eight block marks ▁▂▃▄▅▆▇█, one per value, scaled from 0 to `maximum`.
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func marks(_ values: [Double], maximum: Double) -> String {
        String(values.map { value in
            let level = maximum > 0 ? Int((min(max(value, 0), maximum) / maximum * 7).rounded()) : 0
            return levels[level]
        })
    }
}
