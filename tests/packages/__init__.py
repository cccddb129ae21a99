"""`tequio check` on packages and documents (a package, so its modules never clash with other folders')."""
