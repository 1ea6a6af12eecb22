// InterviewCore — the interview itself, with nothing around it.
//
// The scenario model (`Scenario`, `Question`, `Probe`, `Branch`, `Competency`), conditions and the
// feature catalog they are checked against, diagnostics, the `Analyzer` protocol with `Analysis`,
// `AnalyzerSet` and `AnalyzerRegistry`, and the pure `InterviewEngine` (with `InterviewState`, whose
// `move` is the one place an interview changes state) and `Interviewer`, which pairs it with the
// analyzers to take a turn. It imports no other target and no system module but Synchronization:
// no Glibc, no Foundation, no libxml2, no I/O (Plugins/LayerCheck fails the build otherwise).
