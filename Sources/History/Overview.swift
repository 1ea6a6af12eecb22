// The practice history: every interview remembered in an SQLite index of the transcript folder
// (through GRDB), kept up to date as an interview goes and rebuildable from the transcripts, which
// stay the source of truth; the queries behind `rehearse history`, `progress` and `run --weakest`;
// and their reports (terminal sparklines, a self-contained HTML page with SVG charts).
