/// InterviewKit is the one product a library user imports: it brings in every layer below it
/// (the core, the built-in analyzers, the scenario loader, plugins, transcripts and reports) and
/// adds what drives an interview from a front end — `InterviewSession` — and the authoring and
/// evaluation tools.
@_exported import InterviewCore
@_exported import BuiltInAnalyzers
@_exported import ScenarioXML
@_exported import AnalyzerPlugins
@_exported import Transcripts
@_exported import History
