import Foundation
import Messages
import Synchronization

/// What a long build shows while it runs. On a terminal: one line, redrawn twice a second,
/// with the stage, the pages made and kept so far, the rate and the time taken
/// (`[  12 s] 生成页面：已生成 3,456 页，沿用 2,000 页（1,234 页/秒）`), cleared when the build
/// ends or a message is printed. Elsewhere (cron, systemd, a pipe): a line when the build
/// starts, nothing more; the closing summary is the command's.
public final class BuildProgress: Sendable {
    /// Where the line goes (standard error).
    private let descriptor: Int32
    /// Whether it is a terminal.
    public let isTerminal: Bool
    private struct State {
        var stage = "stage_read"
        var started = ContinuousClock.now
        var pagesStarted: ContinuousClock.Instant?
        var finished = false
        var shown = false
    }
    private let state = Mutex(State())
    private let made = Atomic<Int>(0)
    private let kept = Atomic<Int>(0)

    /// The language of the line.
    let language: MessageLanguage

    /// Progress on `descriptor` (standard error by default), drawn when it is a terminal.
    public init(descriptor: Int32 = STDERR_FILENO, terminal: Bool? = nil, language: MessageLanguage = .current) {
        self.descriptor = descriptor
        self.language = language
        isTerminal = terminal ?? (isatty(descriptor) == 1)
    }

    /// Starts: on a terminal, the line and its redrawing; elsewhere, `line` once.
    public func start(_ line: String) {
        guard isTerminal else { return write(line + "\n") }
        let thread = Thread { [self] in
            while !state.withLock({ $0.finished }) {
                draw()
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        thread.start()
    }

    /// The build has reached `stage` (the code of its name in the message catalogue).
    func stage(_ stage: String) {
        state.withLock { state in
            state.stage = stage
            if stage == Self.pagesStage, state.pagesStarted == nil { state.pagesStarted = .now }
        }
    }

    /// The stages whose rate is shown.
    static let pagesStage = "stage_pages"
    static let listsStage = "stage_lists"

    /// Pages made and kept since the last call.
    func counted(made newlyMade: Int, kept newlyKept: Int) {
        made.add(newlyMade, ordering: .relaxed)
        kept.add(newlyKept, ordering: .relaxed)
    }

    /// Clears the line so that a message can be printed; the next redraw brings it back.
    public func clear() {
        guard isTerminal else { return }
        state.withLock { state in
            if state.shown { write("\r\u{1B}[K") }
            state.shown = false
        }
    }

    /// Stops for good and clears the line.
    public func finish() {
        guard isTerminal else { return }
        state.withLock { state in
            if state.shown { write("\r\u{1B}[K") }
            state.shown = false
            state.finished = true
        }
    }

    /// The line as it reads now.
    func line(now: ContinuousClock.Instant = .now) -> String {
        let (stage, started, pagesStarted) = state.withLock { ($0.stage, $0.started, $0.pagesStarted) }
        let seconds = Double((now - started).components.seconds)
        let made = made.load(ordering: .relaxed), kept = kept.load(ordering: .relaxed)
        var text = "[\(String(format: "%4.0f", seconds)) s] " + Message(stage).text(in: language)
        if made + kept > 0 {
            text += language.separator + Message("progress_pages", ["made": Self.grouped(made), "kept": Self.grouped(kept)]).text(in: language)
            if let pagesStarted, stage == Self.pagesStage || stage == Self.listsStage {
                let elapsed = Double((now - pagesStarted).components.attoseconds) / 1e18 + Double((now - pagesStarted).components.seconds)
                if elapsed >= 1 {
                    text += Message("progress_rate", ["rate": Self.grouped(Int(Double(made + kept) / elapsed))]).text(in: language)
                }
            }
        }
        return text
    }

    private func draw() {
        let text = line()
        state.withLock { state in
            guard !state.finished else { return }
            write("\r\u{1B}[K" + text)
            state.shown = true
        }
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// 12,345.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
