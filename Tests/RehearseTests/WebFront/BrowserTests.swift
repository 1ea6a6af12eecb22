import Foundation
import Testing

/// The browser front in a real browser: headless Chromium driven by Selenium
/// (Tests/Browser/interview_in_browser.py), both installed by scripts/bootstrap.
@Suite struct BrowserTests {
    @Test func aWholeInterviewInChromium() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: data) }
        // REHEARSE_SCREENSHOTS keeps the screenshots of each page, to look at.
        let shots = ProcessInfo.processInfo.environment["REHEARSE_SCREENSHOTS"] ?? data.appendingPathComponent("screenshots").path
        let script = Rehearse.packageRoot.appendingPathComponent("Tests/Browser/interview_in_browser.py").path
        let result = try Rehearse.run(["-c", "exec python3 \"$0\" \"$@\" 2>&1", script, Rehearse.binary.path, data.path, shots], shell: true, timeout: 240)
        #expect(result.status == 0, "the browser test failed (scripts/bootstrap installs chromium, chromium-driver and selenium):\n\(result.stdout)")
        let name = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("rehearse/transcripts/\(name).jsonl").path), "\(result.stdout)")
        for page in ["1-start", "2-interview", "3-feedback", "4-history", "5-replay", "6-progress", "7-phone"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(page).png"), "no screenshot of \(page)")
        }
    }
}
