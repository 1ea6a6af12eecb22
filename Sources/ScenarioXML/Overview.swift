// ScenarioXML — reads scenario XML with libxml2 and compiles it into a `Scenario`.
//
// The SAX parser with its safety machinery (no DTD, no entities, no external loads), the source
// map for 1-based lines and columns, and the compiler that checks every element, attribute and
// condition against the analyzers' features. Depends on InterviewCore and SystemIO; it never sees
// an analyzer's code, only the features an `AnalyzerSet` declares.
