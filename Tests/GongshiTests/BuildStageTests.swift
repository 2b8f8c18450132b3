import BackgroundWork
@testable import BuildPipeline
import Foundation
import Synchronization
import Testing

@Suite("The build's stages and what runs beside them")
struct BuildStageTests {
    @Test("docs/architecture.md draws the stages BuildStage names, in their order")
    func diagramMatchesStages() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```\nstage "))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        let drawn = doc[start.upperBound..<end.lowerBound].split(separator: "\n")
            .filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") && !$0.hasPrefix("stage ") }
            .map { String($0.prefix { $0 != " " }) }
        #expect(drawn == BuildStage.allCases.map { "\($0)" })
    }

    @Test("a pending value is the work's, once; an error is rethrown where it is taken")
    func pendingValue() async throws {
        let (value, failure) = try await withThrowingDiscardingTaskGroup { tasks in
            let pending = Pending(in: &tasks) { (1...1_000).reduce(0, +) }
            let failing = Pending(in: &tasks) { () throws -> Int in throw CocoaError(.fileNoSuchFile) }
            let value = try await pending.value()
            let failure: (any Error)?
            do { _ = try await failing.value(); failure = nil } catch { failure = error }
            return (value, failure)
        }
        #expect(value == 500_500)
        #expect((failure as? CocoaError)?.code == .fileNoSuchFile)
    }

    @Test("work left pending has ended when the build's task group returns")
    func pendingWorkEnds() async throws {
        let ended = Atomic<Bool>(false)
        try await withThrowingDiscardingTaskGroup { tasks in
            _ = Pending(in: &tasks) {
                try await Task.sleep(for: .milliseconds(100))
                ended.store(true, ordering: .sequentiallyConsistent)
            }
        }
        let hasEnded = ended.load(ordering: .sequentiallyConsistent)
        #expect(hasEnded)
    }

    @Test("an ordered lane runs its work in the order submitted, at most depth items behind")
    func orderedLane() async {
        let lane = OrderedLane(label: "test", depth: 2)
        let log = Mutex<[Int]>([])
        let waiting = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        for item in 0..<500 {
            let now = waiting.add(1, ordering: .sequentiallyConsistent).newValue
            _ = most.max(now, ordering: .sequentiallyConsistent)
            await lane.submit {
                if item % 50 == 0 { Thread.sleep(forTimeInterval: 0.002) }
                log.withLock { $0.append(item) }
                waiting.subtract(1, ordering: .sequentiallyConsistent)
            }
        }
        let seen = await lane.after { log.withLock { $0 } }
        #expect(seen == Array(0..<500))
        // The submitter counts an item before it waits for room, so one more than the depth.
        let mostWaiting = most.load(ordering: .sequentiallyConsistent)
        #expect(mostWaiting <= 3)
        #expect(mostWaiting >= 2, "the lane ran beside its submitter")
    }

    @Test("pages are mapped on all cores in order; the first error is rethrown")
    func parallelMapOrder() async throws {
        for count in [0, 1, 2, 7, 512, 1_001] {
            let items = Array(0..<count)
            #expect(try await parallelMap(items) { $0 * 3 } == items.map { $0 * 3 })
        }
        await #expect(throws: CocoaError.self) {
            _ = try await parallelMap(Array(0..<100)) { item -> Int in
                if item == 63 { throw CocoaError(.fileReadCorruptFile) }
                return item
            }
        }
    }
}
