"""Fault tests: kill -9, a full disk, a read-only folder and two runs at once (a package, so its modules
never clash with other test folders')."""
