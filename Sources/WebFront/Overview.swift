/// The browser front of Rehearse (`rehearse serve`): a local HTTP server on Hummingbird that
/// drives the same `InterviewSession` as the REPL, through a JSON API (docs/web.md) that its page
/// uses and nothing else.
///
/// - `WebServer` binds to the loopback address and serves the routes; `InterviewLibrary` is what
///   it needs from the machine (scenarios, where transcripts go, the history), given by the CLI.
/// - `Access/`: the token that becomes a cookie, the `Host` and `Origin` checks and the security
///   headers every response carries.
/// - `Interviews/`: the interviews open in this server, each behind its own lock and held by one
///   browser tab at a time.
/// - `API/`: the routes and the JSON they speak.
/// - `Pages/`: the page, its script and styles (`Assets/`, embedded in the binary), and the
///   progress and replay pages.
enum WebFrontOverview {}
