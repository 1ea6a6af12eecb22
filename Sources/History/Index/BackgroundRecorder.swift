import Glibc
import InterviewCore
import Synchronization
import Transcripts

/// Records an interview into the history on a thread of its own, so that no turn waits for the
/// database: `submit` hands over the transcript as it now stands and returns at once; the thread
/// stores the newest one it has been given (a turn that comes while it is busy replaces the one
/// waiting, since each transcript holds everything before it). `finish` waits for the last.
///
/// If the process dies first, the history lacks the last turns until it is next read, when
/// `synchronize` indexes the transcript again from the file.
public final class BackgroundRecorder: @unchecked Sendable {
    // @unchecked: the state is behind its Mutex; the semaphore and the thread handle are POSIX
    // objects made for use from several threads, created in `init` and let go in `finish`.
    private struct Job: Sendable {
        var transcript: Transcript
        var path: String
        var scenario: Scenario?
        /// The file as it was when the transcript was handed over: the rows stored say so, so that
        /// a later turn not yet recorded (a crash) shows as a change to index from the file.
        var file: FileIdentity?
    }

    private struct State: Sendable {
        var pending: Job?
        var stopping = false
        var finished = false
        var problem: HistoryError?
    }

    public let history: PracticeHistory
    private let state = Mutex(State())
    private let wake: UnsafeMutablePointer<sem_t>
    private var thread = pthread_t()

    public init(history: PracticeHistory) {
        self.history = history
        wake = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        sem_init(wake, 0, 0)
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            let recorder = Unmanaged<BackgroundRecorder>.fromOpaque(context!).takeRetainedValue()
            recorder.work()
            return nil
        }, context)
        if created != 0 {
            Unmanaged<BackgroundRecorder>.fromOpaque(context).release()
            state.withLock { $0.finished = true; $0.problem = HistoryError("cannot start the thread that records the history") }
        }
    }

    deinit {
        sem_destroy(wake)
        wake.deallocate()
    }

    /// Hands over the transcript as it stands after a turn (written to `path` just now); returns at once.
    public func submit(_ transcript: Transcript, at path: String, scenario: Scenario?) {
        let file = FileIdentity.of(path)
        let accepted = state.withLock { state -> Bool in
            guard !state.stopping else { return false }
            state.pending = Job(transcript: transcript, path: path, scenario: scenario, file: file)
            return true
        }
        if accepted { sem_post(wake) }
    }

    /// The first problem the thread met, once; after one, it records nothing more.
    public func takeProblem() -> HistoryError? {
        state.withLock { state in
            defer { state.problem = nil }
            return state.problem
        }
    }

    /// Stores what is waiting, stops the thread, and returns its first problem not yet taken.
    public func finish() -> HistoryError? {
        let running = state.withLock { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping && !state.finished
        }
        if running {
            sem_post(wake)
            pthread_join(thread, nil)
        }
        return takeProblem()
    }

    private func work() {
        while true {
            while sem_wait(wake) != 0 && errno == EINTR {}
            let (job, stopping) = state.withLock { state in
                defer { state.pending = nil }
                return (state.pending, state.stopping)
            }
            if let job {
                do {
                    try history.record(job.transcript, at: job.path, scenario: job.scenario, file: job.file)
                } catch {
                    state.withLock { state in
                        if state.problem == nil { state.problem = error }
                        state.stopping = true
                    }
                }
            }
            if stopping || state.withLock({ $0.stopping && $0.pending == nil }) { break }
        }
        state.withLock { $0.finished = true }
    }
}
