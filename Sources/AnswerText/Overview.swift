// AnswerText — the text layer the built-in analyzers read answers through.
//
// `TextSegmenter` splits an answer into tokens, clauses and sentences in one pass over its bytes;
// `Vocabulary` gives every listed word an id and flags (`WordInfo`); `PhraseIndex` and `PhraseSet`
// match phrases on ids. The word lists are not this layer's: the analyzers own them and hand them
// down (`Vocabulary.Lists`); this layer names no analyzer and imports nothing.
