// Transcripts — the record of an interview, and what is made from it.
//
// Writing (one writer per file, under an advisory lock), reading (damage passed over and
// reported), resuming and re-analysing a transcript, and the reports: the feedback and the text,
// Markdown and HTML renderings. Depends on InterviewCore, BuiltInAnalyzers (for their feature
// names) and SystemIO.
