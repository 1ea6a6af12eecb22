extension String {
    /// The string with spaces after it up to `width` characters, for columns in a terminal.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
