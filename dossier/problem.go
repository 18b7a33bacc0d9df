package dossier

import (
	"fmt"
	"strings"
)

// Severity tells an error (the dossier cannot be used) from a warning (it can,
// but something is probably not what the author meant).
type Severity int

// Severities.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a dossier, at a position.
type Problem struct {
	Severity Severity
	Pos      Pos
	// Msg says what is wrong in words an author understands; Hint, when not
	// empty, says what to do ("did you mean 'dawn-2025-10-27'?").
	Msg  string
	Hint string
	// Omitted is set on the one problem that stands for the problems not
	// listed (a load keeps the first 1,000): how many of each there were.
	Omitted *Omitted
}

// Omitted counts the problems of a load that were not listed.
type Omitted struct{ Errors, Warnings int }

// Count returns how many errors and warnings a load found, those not listed
// included; the problem that stands for them counts as neither.
func (ps Problems) Count() (errors, warnings int) {
	for _, p := range ps {
		switch {
		case p.Omitted != nil:
			errors += p.Omitted.Errors
			warnings += p.Omitted.Warnings
		case p.Severity == SeverityError:
			errors++
		default:
			warnings++
		}
	}
	return errors, warnings
}

// String formats the problem as "file:line:col: error: message (hint)", the
// form editors and compilers use. A zero line or column is left out.
func (p Problem) String() string {
	var b strings.Builder
	if p.Pos.File != "" {
		b.WriteString(p.Pos.File)
		if p.Pos.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Pos.Line)
			if p.Pos.Col > 0 {
				fmt.Fprintf(&b, ":%d", p.Pos.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Severity.String())
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Problems is every problem found in one load, errors and warnings together,
// sorted by file, line and column.
type Problems []Problem

// Errors returns only the errors.
func (ps Problems) Errors() Problems { return ps.filter(SeverityError) }

// Warnings returns only the warnings.
func (ps Problems) Warnings() Problems { return ps.filter(SeverityWarning) }

func (ps Problems) filter(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any problem is an error.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Err returns nil when there are no errors, or an error whose message is the
// first error and how many more there are.
func (ps Problems) Err() error {
	errs := ps.Errors()
	if len(errs) == 0 {
		return nil
	}
	if len(errs) == 1 {
		return fmt.Errorf("%s", errs[0])
	}
	return fmt.Errorf("%s (and %d more errors; run 'dossier check' for all)", errs[0], len(errs)-1)
}
