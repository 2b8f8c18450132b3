import CreditVocabulary
import StableDigest

// The rows a page is made from write their own digest bytes (``DigestWritable``): the same
// bytes as their synthesised `Encodable` conformance through the generic digest encoder,
// fields in declaration order. `DigestWriterTests` holds each type's bytes equal to it.

extension DigestWriter {
    /// A date field (`CivilDate` encodes its year, month and day).
    public mutating func field(_ name: StaticString, _ date: CivilDate) {
        field(name) { $0.date(date) }
    }

    /// An optional date field.
    public mutating func field(_ name: StaticString, _ date: CivilDate?) {
        if let date { field(name, date) } else { field(name, Optional<String>.none) }
    }

    /// A date value.
    public mutating func date(_ date: CivilDate) {
        object {
            $0.field("year", date.year)
            $0.field("month", date.month)
            $0.field("day", date.day)
        }
    }
}

extension Review: DigestWritable {
    /// Writes the review's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("status", status)
            $0.field("approvedOn", approvedOn)
            $0.field("scope", scope)
        }
    }
}

extension SubjectRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("kind", kind)
            $0.field("name", name)
            $0.field("uscc", uscc)
            $0.field("idNumber", idNumber)
            $0.field("legalRepresentative", legalRepresentative)
            $0.field("regionCode", regionCode)
            $0.field("address", address)
            $0.field("phone", phone)
        }
    }
}

extension CaseRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("title", title)
            $0.field("region", region)
            $0.field("reportedOn", reportedOn)
            $0.field("source", source)
            $0.field("sourceURL", sourceURL)
            $0.field("domain", domain)
            $0.field("proposedAction", proposedAction)
            $0.field("tags", tags)
        }
    }
}

extension ReportRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("caseID", caseID)
            $0.field("title", title)
            $0.field("leadDepartment", leadDepartment)
            $0.field("serviceAgency", serviceAgency)
            $0.field("methods", methods)
            $0.field("conclusion", conclusion)
            $0.field("measures", measures)
            $0.field("concludedOn", concludedOn)
            $0.field("supersedes", supersedes)
            $0.field("review", review)
        }
    }
}

extension RecordRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("subjectID", subjectID)
            $0.field("reportID", reportID)
            $0.field("kind", kind)
            $0.field("severity", severity)
            $0.field("procedure", procedure)
            $0.field("penaltyTypes", penaltyTypes)
            $0.field("fineYuan", fineYuan)
            $0.field("documentNo", documentNo)
            $0.field("decidedOn", decidedOn)
            $0.field("authority", authority)
            $0.field("basis", basis)
            $0.field("outcome", outcome)
            $0.field("publishUntil", publishUntil)
            $0.field("repairedOn", repairedOn)
            $0.field("revokedOn", revokedOn)
            $0.field("review", review)
        }
    }
}

extension ListEntryRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("subjectID", subjectID)
            $0.field("list", list)
            $0.field("domain", domain)
            $0.field("authority", authority)
            $0.field("basis", basis)
            $0.field("recordID", recordID)
            $0.field("listedOn", listedOn)
            $0.field("validUntil", validUntil)
            $0.field("removedOn", removedOn)
            $0.field("removalReason", removalReason)
            $0.field("review", review)
        }
    }
}

extension CommitmentRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("subjectID", subjectID)
            $0.field("kind", kind)
            $0.field("recordID", recordID)
            $0.field("madeOn", madeOn)
            $0.field("validUntil", validUntil)
            $0.field("status", status)
            $0.field("review", review)
        }
    }
}

extension RectificationRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("recordID", recordID)
            $0.field("requirementMarkdown", requirementMarkdown)
            $0.field("deadline", deadline)
            $0.field("status", status)
            $0.field("completedOn", completedOn)
        }
    }
}

extension InterviewRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("recordID", recordID)
            $0.field("kind", kind)
            $0.field("heldOn", heldOn)
            $0.field("refused", refused)
            $0.field("summaryMarkdown", summaryMarkdown)
            $0.field("scope", scope)
        }
    }
}

extension RepairActionRow: DigestWritable {
    /// Writes the row's digest bytes.
    public func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("id", id)
            $0.field("recordID", recordID)
            $0.field("kind", kind)
            $0.field("completedOn", completedOn)
            $0.field("provider", provider)
            $0.field("hours", hours)
        }
    }
}
