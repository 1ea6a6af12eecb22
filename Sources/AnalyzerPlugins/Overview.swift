// AnalyzerPlugins — analyzers in other processes, spoken to in JSON Lines.
//
// `ExternalAnalyzer` starts a plugin in its own process group, greets it, and asks it about each
// answer within a timeout; a plugin that fails is stopped and the interview goes on without it.
// Depends on InterviewCore and SystemIO.
