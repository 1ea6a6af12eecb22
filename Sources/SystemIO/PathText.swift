/// Path arithmetic on strings, as NSString does it, without Foundation.
extension String {
    /// Without trailing slashes (a lone "/" stays).
    private var withoutTrailingSlashes: Substring {
        var path = self[...]
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return path
    }

    /// "/a/b/c" is "c"; "/a/b/" is "b"; "/" is "/".
    package var lastPathComponent: String {
        let path = withoutTrailingSlashes
        if path == "/" { return "/" }
        return String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }

    /// "/a/b/c" is "/a/b"; "/a" is "/"; "a" is "".
    package var deletingLastPathComponent: String {
        let path = withoutTrailingSlashes
        if path == "/" { return "/" }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        var parent = path[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }

    /// "a" and "b" make "a/b"; "" and "b" make "b"; "a/" and "b" make "a/b".
    package func appendingPathComponent(_ component: String) -> String {
        if isEmpty { return component }
        return hasSuffix("/") ? self + component : self + "/" + component
    }
}
