/// A session's name as the history lists it: the transcript's file name without `.jsonl`.
enum SessionName {
    static func of(_ transcriptPath: String) -> String {
        let file = transcriptPath.split(separator: "/").last.map(String.init) ?? transcriptPath
        return file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file
    }
}
