import ArgumentParser
import CreditVocabulary

extension CivilDate: ExpressibleByArgument {
    /// Parses `YYYY-MM-DD`.
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

extension Audience: ExpressibleByArgument {}
