import ArgumentParser
import Foundation
import Messages
import PreviewServer

/// `gongshi preview-user`: the reviewers' accounts of a preview that asks for a login.
struct PreviewUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview-user",
        abstract: "Add, remove or list the reviewers who may log in to `gongshi preview --users FILE`.",
        subcommands: [Add.self, Remove.self, List.self])

    /// `preview-user add NAME --users FILE`: the password is asked twice on a terminal (not
    /// shown), or read as one line from standard input.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a reviewer, or set a reviewer's new password.")
        @Argument(help: "The reviewer's account name.") var name: String
        @Option(help: "The accounts file (created, mode 0600, when missing).") var users: String

        func run() throws {
            var accounts = FileManager.default.fileExists(atPath: users) ? try load(users) : ReviewerAccounts()
            let password = try readPassword()
            do {
                try accounts.set(name, password: password)
                try accounts.write(to: users)
            } catch let error as PreviewError {
                printFailure(error)
                throw ExitCode(1)
            }
            say("user_set", ["name": name, "file": users, "count": "\(accounts.names.count)"])
        }
    }

    /// `preview-user remove NAME --users FILE`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a reviewer (their open sessions end at the next request).")
        @Argument(help: "The reviewer's account name.") var name: String
        @Option(help: "The accounts file.") var users: String

        func run() throws {
            var accounts = try load(users)
            guard accounts.remove(name) else {
                fail("user_unknown", ["file": users, "name": name])
                throw ExitCode(1)
            }
            try accounts.write(to: users)
            say("user_removed", ["name": name])
        }
    }

    /// `preview-user list --users FILE`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the reviewers' names.")
        @Option(help: "The accounts file.") var users: String

        func run() throws {
            for name in try load(users).names { print(name) }
        }
    }
}

private func load(_ path: String) throws -> ReviewerAccounts {
    do {
        return try ReviewerAccounts(contentsOf: path)
    } catch let error as PreviewError {
        printFailure(error)
        throw ExitCode(1)
    }
}

/// The new password: asked twice without echo on a terminal, else the first line of stdin.
private func readPassword() throws -> String {
    guard isatty(STDIN_FILENO) == 1 else {
        guard let line = readLine(strippingNewline: true) else {
            fail("password_missing")
            throw ExitCode(1)
        }
        return line
    }
    let first = try askHidden(Message("password_prompt", ["count": "\(ReviewerAccounts.minimumPasswordLength)"]).text)
    let second = try askHidden(Message("password_again").text)
    guard first == second else {
        fail("password_mismatch")
        throw ExitCode(1)
    }
    return first
}

private func askHidden(_ prompt: String) throws -> String {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    tcgetattr(STDIN_FILENO, &saved)
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
    defer {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        FileHandle.standardError.write(Data("\n".utf8))
    }
    guard let line = readLine(strippingNewline: true) else { throw ExitCode(1) }
    return line
}
