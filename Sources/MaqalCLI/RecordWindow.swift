import Foundation

/// What a job of `maqal records` or `maqal warc` produced: a line to write, or nothing to write (a
/// record passed over) with the reason it was passed over.
enum RecordAnswer: Sendable {
    case line([UInt8])
    /// The reason, and a line for `--verbose` that names the record.
    case passedOver(String, note: String)
}

/// The window of `maqal records` and `maqal warc`, whose answers are protocol lines.
typealias RecordWindow = OrderedWindow<RecordAnswer>

extension OrderedWindow.Job where Answer == RecordAnswer {
    /// A job whose stand-in, when it runs out of time, is the protocol line `timeoutLine` makes.
    init(work: @escaping @Sendable () -> Answer, timeoutLine: @escaping @Sendable () -> [UInt8]) {
        self.init(work: work, timeoutAnswer: { .line(timeoutLine()) })
    }
}

/// The engine of `maqal records`, `maqal warc` and `maqal parse` over several files: jobs run on
/// worker threads and their answers are written in the order the jobs came, one at a time, as soon
/// as the oldest is ready.
///
/// Memory is bounded by the window: `submit` waits while `window` jobs are queued, running or
/// waiting to be written, so stdin is never read far ahead of the work.
///
/// The time budget is enforced by the writer, not by the work: a Swift thread cannot be stopped
/// from outside, and libxml2 cannot be interrupted, so when the oldest job has run past its budget
/// the writer writes its timeout answer, marks it abandoned and starts a replacement worker. The
/// stuck worker runs on to its end, sees that its job was abandoned, drops the late answer and
/// exits. Later jobs are never held up by it. Stuck workers are capped (``stuckLimit``); past
/// that, no replacements are made and the stream slows rather than starting threads without end.
/// At the end of input the process exits whether or not stuck workers are still running.
final class OrderedWindow<Answer: Sendable>: @unchecked Sendable {
    /// One unit of work and the answer that stands for it when it runs out of time.
    struct Job: Sendable {
        var work: @Sendable () -> Answer
        var timeoutAnswer: @Sendable () -> Answer
    }

    private final class Slot {
        let job: Job
        var answer: Answer?
        var started: ContinuousClock.Instant?
        var abandoned = false
        /// A replacement worker was started when it was abandoned, so its own worker ends.
        var replaced = false

        init(job: Job) { self.job = job }
    }

    // Every stored property below is read and written only under `condition`.
    private let condition = NSCondition()
    private let window: Int
    private let timeout: Duration?
    private let write: (Answer) -> Bool
    private var slots: [Slot] = []
    /// `slots[head...]` are the jobs not yet written; `slots[nextToStart...]` those not yet started.
    private var head = 0
    private var nextToStart = 0
    private var closed = false
    private var writerDone = false
    private var stopped = false
    private var stuck = 0
    private let stuckLimit: Int

    /// `write` runs on the writer thread for each answer, in order; returning false (the reader of
    /// stdout went away) stops the window.
    init(jobs: Int, timeout: Duration?, write: @escaping (Answer) -> Bool) {
        window = max(4, jobs * 4)
        stuckLimit = jobs * 4 + 4
        self.timeout = timeout
        self.write = write
        for _ in 0..<max(1, jobs) { startWorker() }
        startThread(stackSize: 1 << 20) { [self] in writeLoop() }
    }

    /// Queues a job, waiting while the window is full; false once the window has stopped.
    func submit(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while slots.count - head >= window && !stopped { condition.wait() }
        guard !stopped else { return false }
        if head > 0 && head >= window {
            slots.removeFirst(head)
            nextToStart -= head
            head = 0
        }
        slots.append(Slot(job: job))
        condition.broadcast()
        return true
    }

    /// No more jobs: waits until every answer is written; false when the window stopped early.
    func finish() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while !writerDone { condition.wait() }
        return !stopped
    }

    // MARK: - Threads

    private func startWorker() {
        // Deeply nested pages recurse: give workers the main thread's usual 8 MB of stack.
        startThread(stackSize: 8 << 20) { [self] in workLoop() }
    }

    private func startThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.stackSize = stackSize
        thread.start()
    }

    private func workLoop() {
        condition.lock()
        while true {
            while nextToStart == slots.count && !closed && !stopped { condition.wait() }
            guard nextToStart < slots.count, !stopped else { break }
            let slot = slots[nextToStart]
            nextToStart += 1
            slot.started = .now
            condition.broadcast()
            condition.unlock()
            let answer = slot.job.work()
            condition.lock()
            if slot.abandoned {
                // The late answer is dropped; a worker that was replaced ends, one that was not
                // (too many were stuck at once) goes on with the next job.
                if slot.replaced {
                    stuck -= 1
                    break
                }
                continue
            }
            slot.answer = answer
            condition.broadcast()
        }
        condition.unlock()
    }

    private func writeLoop() {
        condition.lock()
        while true {
            guard head < slots.count else {
                if closed || stopped { break }
                condition.wait()
                continue
            }
            let slot = slots[head]
            var answer = slot.answer
            if answer == nil, let timeout, let started = slot.started {
                let deadline = started + timeout
                if ContinuousClock.now >= deadline {
                    slot.abandoned = true
                    answer = slot.job.timeoutAnswer()
                    if stuck < stuckLimit {
                        stuck += 1
                        slot.replaced = true
                        startWorker()
                    }
                } else {
                    _ = condition.wait(until: Date(timeIntervalSinceNow: Self.seconds(deadline - .now)))
                    continue
                }
            }
            guard let answer else {
                condition.wait()
                continue
            }
            head += 1
            condition.broadcast()
            condition.unlock()
            let kept = write(answer)
            condition.lock()
            if !kept {
                stopped = true
                condition.broadcast()
                break
            }
        }
        writerDone = true
        condition.broadcast()
        condition.unlock()
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return max(0, TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}
