"""LMS and e-reader package tests (a package, so its modules never clash with other test folders')."""
