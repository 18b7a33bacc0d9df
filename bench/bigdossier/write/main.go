// Command write writes the inputs of docs/hardening.md's loader figures
// under DIR: fm-8mib (an 8 MiB sources.md), total-40mib (five list files of
// 8 MiB), via-20000 (a via chain of 20,000 sources).
//
//	go run ./bench/bigdossier/write /tmp/big
//	/usr/bin/time -v dossier check /tmp/big/fm-8mib
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dossier-dev/dossier/bench/bigdossier"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: write DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	for name, f := range map[string]bigdossier.Files{
		"fm-8mib":     bigdossier.FrontMatter(8<<20 - 4096),
		"total-40mib": bigdossier.Total(40 << 20),
		"via-20000":   bigdossier.ViaChain(20000),
	} {
		if err := f.Write(filepath.Join(dir, name)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d bytes\n", filepath.Join(dir, name), f.Size())
	}
}
