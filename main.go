// Command dossier reads negotiation dossiers in the terminal. See README.md.
package main

import (
	"context"
	"os"

	"github.com/dossier-dev/dossier/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=…"; when empty,
// fang reports the module version from the build information.
var version string

func main() {
	os.Exit(cli.Execute(context.Background(), version, os.Args[1:], os.Stdout, os.Stderr))
}
