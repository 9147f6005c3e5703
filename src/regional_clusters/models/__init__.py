"""Models of the mechanisms the source texts argue about."""
