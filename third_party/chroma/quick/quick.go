// Package quick is the stand-in for chroma's one-call highlighter.
package quick

import "io"

// Highlight writes source to w as it is, without colour: this stand-in
// has no lexers. It fails only when w does.
func Highlight(w io.Writer, source, lexer, formatter, style string) error {
	_, err := io.WriteString(w, source)
	return err
}
