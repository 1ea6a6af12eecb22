extension String {
    /// The string as one word a POSIX shell reads back unchanged: as it is when it holds only
    /// characters no shell treats specially, else in single quotes (a quote inside written `'\''`).
    /// For commands that messages tell the user to type, such as `rehearse run --resume PATH`.
    public var shellWord: String {
        let plain = !isEmpty && unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "@", "%", "+", "=", ":", ",", ".", "/", "_", "-": true
            default: false
            }
        }
        return plain ? self : "'" + replacingAll("'", with: "'\\''") + "'"
    }
}
