"""Write path for the meeting cycle. Every function validates, writes atomically and leaves an audit entry."""
