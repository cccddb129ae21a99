"""Command-line behaviour a user meets when they make a mistake (a package, so its modules never clash)."""
