/// Where a build is: moves the progress line and the phase clock on at each stage boundary.
struct BuildStages {
    private var clock = PhaseClock()
    private var current: BuildStage?
    private var ended = false
    private let progress: BuildProgress?

    /// Stages shown on `progress`.
    init(progress: BuildProgress?) {
        self.progress = progress
    }

    /// Whether the phases are timed (`GONGSHI_TIMING`).
    var timed: Bool { clock.enabled }

    /// Ends the current stage (timing it) and begins `stage`.
    mutating func begin(_ stage: BuildStage) {
        if let current { clock.lap(current.timingLabel) }
        current = stage
        progress?.stage(stage.progressCode)
    }

    /// Times a step within the current stage, named `step` (timing lines only).
    mutating func lap(_ step: String) {
        clock.lap("\(current?.timingLabel ?? "start"): \(step)")
    }

    /// Ends the last stage, with `detail` after its name, and prints the timing lines (once:
    /// later calls do nothing).
    mutating func end(_ detail: String = "") {
        guard !ended else { return }
        ended = true
        if let current { clock.lap(current.timingLabel + detail) }
        clock.report()
    }
}
