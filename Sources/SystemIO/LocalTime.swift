import Glibc

/// Times as the person reading them expects: in the local time zone.
public enum LocalTime {
    /// The moment `secondsSince1970` formatted by strftime(3) `format` in local time, e.g. "%Y-%m-%d %H:%M".
    public static func string(_ secondsSince1970: Double, _ format: String = "%Y-%m-%d %H:%M") -> String {
        var seconds = time_t(secondsSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
