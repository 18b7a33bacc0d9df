package dossier

import (
	"strings"
	"testing"
)

// Found by the hardening corpus (internal/hostile): strconv.ParseFloat reads
// "NaN", and NaN < 0 and NaN > 24 are both false, so an hours figure of NaN
// passed the range check into the model, where a timeline bar would turn it
// into a nonsense width.
func TestHoursNaNRefused(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "+Inf", "-inf", ".nan"} {
		d, probs := Load(mapFS(map[string]string{"days.md": "---\ndays:\n  - {id: d1, date: 2030-01-02, hours: [{hours: " + v +
			", text: x, sources: [s1]}], events: [{text: e, sources: [s1]}]}\n---\n"}))
		want := "hours must be a number from 0 to 24, not '" + v + "'"
		if d != nil || !strings.Contains(strings.Join(problemStrings(probs), "\n"), want) {
			t.Errorf("hours %s: want %q in %v", v, want, problemStrings(probs))
		}
	}
}
