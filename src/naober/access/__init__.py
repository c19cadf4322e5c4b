"""Who may see what: roles beyond the secretariat, secrecy, and the one place visibility is decided.

`naober.access.viewer` builds a `Viewer` per request; `naober.access.rules` turns it into query filters and
object checks that every channel (pages, mails, downloads, exports) uses.
"""
