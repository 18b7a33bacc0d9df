package dossier

// credNames name the credibility grades 1–6 of the Admiralty scale.
var credNames = [...]string{"", "confirmed", "probably true", "possibly true", "doubtful", "improbable", "cannot be judged"}

// CredName names a claim's credibility grade ("probably true" for 2); ""
// for 0 (none) or a grade outside 1–6.
func CredName(n int) string {
	if n > 0 && n < len(credNames) {
		return credNames[n]
	}
	return ""
}
