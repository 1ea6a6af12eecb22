// BuiltInAnalyzers — the analyzers that ship with Rehearse: STAR, SMART, delivery, competency.
//
// The text layer (`Text/`: `TextSegmenter` splits an answer into tokens, clauses and sentences;
// `Vocabulary` gives every listed word an id and flags) names no analyzer. Each analyzer owns its
// word and phrase lists and hands them to it (`Vocabulary.builtIn`); the
// built-ins of one set share one segmentation of each answer through the context's memo. Their
// feature names are constants (`STARFeature`, `SMARTFeature`, …) for code that reads them.
// Deterministic and offline; imports only InterviewCore and Synchronization.
