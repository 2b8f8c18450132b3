/// The preview's own addresses, beside the public site's row pages it shows.
enum PreviewPaths {
    /// The login form (GET) and its submission (POST).
    static let login = "/_preview/login"
    /// Ends the session (POST).
    static let logout = "/_preview/logout"
    /// The preview's stylesheet.
    static let stylesheet = "/_preview/preview.css"
    /// The toggle's script.
    static let script = "/_preview/preview.js"
    /// The public site's stylesheet.
    static let siteStylesheet = "/assets/style.css"
    /// `/_preview/originals/KIND/SEGMENT/`: a page's originals, fetched when revealed.
    static let originals = "_preview/originals"
    /// The session cookie's name.
    static let cookie = "gongshi_preview"

    /// What may be fetched without a session: the login form and the stylesheets it uses.
    static let open: Set<String> = [login, stylesheet, siteStylesheet]

    /// `next` when it is a path of this preview (`/…`, not `//host`), else `/`.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\\" }) else { return "/" }
        return next
    }
}
