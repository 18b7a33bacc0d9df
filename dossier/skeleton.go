package dossier

// Skeleton returns s with every letter of another script that looks like a
// Latin letter (Cyrillic 'а', Greek 'ο') replaced by that letter: two
// strings with the same skeleton look the same. It is the rule the loader
// warns about look-alike ids by; the SSH server compares user names with
// presenters' names by it.
func Skeleton(s string) string { return skeleton(s) }
