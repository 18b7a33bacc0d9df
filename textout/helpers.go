package textout

import (
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/dossier"
	"github.com/dossier-dev/dossier/internal/sanitize"
	"github.com/dossier-dev/dossier/render"
)

// inline makes inline Markdown plain text on one line.
func inline(s string) string {
	s = strings.NewReplacer("**", "", "__", "", "`", "", "*", "").Replace(render.Clean(s))
	return strings.Join(strings.Fields(s), " ")
}

// accountName is an account's display name.
func accountName(d *dossier.Dossier, id string) string {
	if a, ok := d.Account(id); ok && a.Name != "" {
		return render.Clean(a.Name)
	}
	return render.Clean(id)
}

// badges names sources with their grades: "Dawn B, MNTV C".
func badges(d *dossier.Dossier, ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, render.Badge(d, id, 0))
	}
	return strings.Join(out, ", ")
}

// shorts names sources without grades: "Dawn, MNTV".
func shorts(d *dossier.Dossier, ids []string) string {
	var out []string
	for _, id := range ids {
		name := id
		if s, ok := d.Source(id); ok {
			name = s.Short
			if name == "" {
				name = s.Outlet
			}
		}
		out = append(out, render.Clean(name))
	}
	return strings.Join(out, ", ")
}

// hours writes the hours of a day as each source gives them, marking a
// disagreement with ≠: "9h (Dawn) ≠ 11h (PK sources)".
func hours(d *dossier.Dossier, hs []dossier.HoursReport) string {
	var parts []string
	differ := false
	for _, h := range hs {
		s := strconv.FormatFloat(h.Hours, 'f', -1, 64) + "h (" + shorts(d, h.Sources) + ")"
		if len(h.Discrepancies) > 0 {
			s += " ⚑"
		}
		parts = append(parts, s)
		differ = differ || h.Hours != hs[0].Hours
	}
	if differ {
		return strings.Join(parts, " ≠ ")
	}
	return strings.Join(parts, " · ")
}

// days names days: "25 Oct, 26 Oct".
func days(d *dossier.Dossier, ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, render.DayTag(d, id))
	}
	return strings.Join(out, ", ")
}

func accountIDs(d *dossier.Dossier) string {
	var ids []string
	for _, a := range d.Accounts {
		ids = append(ids, a.ID)
	}
	return sanitize.Text(strings.Join(ids, ", "))
}

func topicIDs(d *dossier.Dossier) string {
	var ids []string
	for _, t := range d.Topics {
		ids = append(ids, t.ID)
	}
	return sanitize.Text(strings.Join(ids, ", "))
}

func dayIDs(d *dossier.Dossier) string {
	var ids []string
	for _, x := range d.Days {
		ids = append(ids, x.ID)
	}
	return sanitize.Text(strings.Join(ids, ", "))
}
