extension String {
    /// The string with spaces after it up to `width` terminal columns (a wide character counts two).
    func padding(to width: Int) -> String {
        let columns = TerminalColumns.width(of: self)
        return columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }
}
