// Package chroma stands in for github.com/alecthomas/chroma/v2 in dossier's
// build (see the replace directive in dossier's go.mod and README.md here).
//
// Glamour links chroma only to colour the code blocks of Markdown. The real
// chroma parses every embedded lexer and style definition in its package
// initialisers, about 13 ms before main runs on every start of dossier, for
// a feature dossier does not use: claims are prose, and the render package
// turns glamour's syntax highlighting off. This module keeps the few names
// glamour's ansi/codeblock.go refers to and nothing else.
package chroma

// TokenType is the kind of a highlighted token; only the names glamour
// refers to exist here.
type TokenType int

// The token types glamour's code block style maps; the values are chroma's.
const (
	Background TokenType = -1
	Error      TokenType = -11

	Keyword          TokenType = 1000
	KeywordNamespace TokenType = 1003
	KeywordReserved  TokenType = 1005
	KeywordType      TokenType = 1006

	Name          TokenType = 2000
	NameAttribute TokenType = 2001
	NameBuiltin   TokenType = 2002
	NameClass     TokenType = 2004
	NameConstant  TokenType = 2005
	NameDecorator TokenType = 2006
	NameException TokenType = 2008
	NameFunction  TokenType = 2009
	NameOther     TokenType = 2015
	NameTag       TokenType = 2018

	Literal             TokenType = 3000
	LiteralDate         TokenType = 3001
	LiteralString       TokenType = 3100
	LiteralStringEscape TokenType = 3105
	LiteralNumber       TokenType = 3200

	Operator    TokenType = 4000
	Punctuation TokenType = 5000

	Comment        TokenType = 6000
	CommentPreproc TokenType = 6100

	GenericDeleted    TokenType = 7001
	GenericEmph       TokenType = 7002
	GenericInserted   TokenType = 7004
	GenericStrong     TokenType = 7007
	GenericSubheading TokenType = 7008

	Text TokenType = 8000
)

// StyleEntries maps token types to style strings ("bold #ff0000").
type StyleEntries map[TokenType]string

// Style is a named set of style entries.
type Style struct {
	Name    string
	Entries StyleEntries
}

// MustNewStyle returns a style with the given name and entries; it never
// fails.
func MustNewStyle(name string, entries StyleEntries) *Style {
	return &Style{Name: name, Entries: entries}
}
