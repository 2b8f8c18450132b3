import ArgumentParser
import Messages
import Audit
import CreditVocabulary

/// `gongshi audit`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Scan an output folder for data that must never be public; exit 1 with a list when any is found.")

    @Option(help: "The snapshot the output was built from.") var snapshot: String
    @Option(help: "The output folder.") var out: String
    @Option(help: "The site folder (policy and slug key).") var site: String = "."
    @Option(name: .customLong("as-of"), help: "The as-of date the output must match (default: today).")
    var asOf: CivilDate?
    @Option(help: "public or internal.") var audience: Audience = .public

    func run() throws {
        let findings: [AuditFinding]
        do {
            findings = try SiteAuditor.audit(
                snapshot: snapshot, out: out, site: site, asOf: asOf ?? .today(), audience: audience)
        } catch {
            printFailure(error)
            throw ExitCode(2)
        }
        for finding in findings { print(finding.text(in: .current)) }
        if findings.isEmpty {
            say("audit_clean", ["out": out])
        } else {
            tell("audit_findings", ["out": out, "count": "\(findings.count)"])
            throw ExitCode(1)
        }
    }
}
