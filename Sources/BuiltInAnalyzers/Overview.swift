// BuiltInAnalyzers — the analyzers that ship with Rehearse: STAR, SMART, delivery, competency.
//
// Each owns its word and phrase lists and hands them to the text layer (`Vocabulary.builtIn`); the
// built-ins of one set share one segmentation of each answer through the context's memo. Their
// feature names are constants (`STARFeature`, `SMARTFeature`, …) for code that reads them.
// Deterministic and offline; imports only InterviewCore, AnswerText and Synchronization.
