// Package content holds the dossiers embedded in the binary, as data only.
package content

import (
	"embed"
	"io/fs"
)

//go:embed istanbul-2025
var files embed.FS

// DefaultName is the folder name of the default dossier.
const DefaultName = "istanbul-2025"

// Default returns the default dossier (the Istanbul talks of October 2025)
// as a file system rooted at the dossier folder.
func Default() fs.FS {
	sub, err := fs.Sub(files, DefaultName)
	if err != nil {
		// fs.Sub fails only on an invalid path; DefaultName is a constant.
		panic(err)
	}
	return sub
}
