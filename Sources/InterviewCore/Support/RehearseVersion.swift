/// The version of Rehearse, shown by `--version` and sent to external analyzers in the greeting.
public enum RehearseVersion {
    public static let current = "0.1.0"
}
