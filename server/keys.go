package server

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// keyEntry is one line of an authorized_keys or presenters file.
type keyEntry struct {
	name string // the line's comment, cleaned; "" when there is none
	key  string // nameKey of the whole comment, before clean cuts it
	file string
	line int
}

// keyFile is the parsed keys of one OpenSSH authorized_keys-format file,
// indexed by the key's wire form.
type keyFile map[string]keyEntry

// readKeyFile parses an OpenSSH authorized_keys file. Blank lines and
// comments are skipped. Options that only take rights away ("restrict",
// "no-…") are accepted: the server grants none of those rights anyway,
// except "no-pty", which is refused: the reader needs a PTY. Any
// other option (from=, command=, expiry-time=, …) is an error: the server
// would not enforce it, and a key limited to a command or an address must
// not get the reader. A line that is not a key is an error naming file:line.
func readKeyFile(path string) (keyFile, error) {
	if path == "" {
		return keyFile{}, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	keys := keyFile{}
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		pk, comment, opts, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not an OpenSSH public key (%v)", path, i+1, err)
		}
		for _, o := range opts {
			switch {
			case strings.EqualFold(o, "no-pty"):
				// the reader needs a PTY: granting one would ignore the
				// option, refusing every session would be a silent lock-out
				return nil, fmt.Errorf("%s:%d: option \"no-pty\" cannot be honoured: the reader needs a terminal; "+
					"copy the key without the option into a file of keys for dossier serve, and give that file", path, i+1)
			case o != "restrict" && !strings.HasPrefix(o, "no-"):
				return nil, fmt.Errorf("%s:%d: option %q is not supported by dossier serve (it would not be enforced); "+
					"copy the key without the option into a file of keys for dossier serve, and give that file", path, i+1, clean(o))
			}
		}
		keys[string(pk.Marshal())] = keyEntry{name: clean(strings.TrimSpace(comment)), key: nameKey(comment), file: path, line: i + 1}
	}
	return keys, nil
}

// access is who may log in, as read from the key files at start or at the
// last SIGHUP. It is never modified once built.
type access struct {
	authorized keyFile
	presenters keyFile
	// presenterNames are the comments of presenter keys, as nameKey: in
	// --open mode a login under one of these names, or one that looks the
	// same, must prove it with the key.
	presenterNames map[string]bool
}

func loadAccess(authorizedPath, presentersPath string) (*access, error) {
	a, err := readKeyFile(authorizedPath)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	p, err := readKeyFile(presentersPath)
	if err != nil {
		return nil, fmt.Errorf("presenters: %w", err)
	}
	names := map[string]bool{}
	for _, e := range p {
		if e.key != "" {
			names[e.key] = true
		}
	}
	return &access{authorized: a, presenters: p, presenterNames: names}, nil
}

// lookup says whether key may log in and whether it is a presenter's. A
// presenter's key may log in even when it is not in the authorized file.
func (a *access) lookup(key gossh.PublicKey) (e keyEntry, presenter, ok bool) {
	if key == nil {
		return keyEntry{}, false, false
	}
	w := string(key.Marshal())
	if e, ok := a.presenters[w]; ok {
		return e, true, true
	}
	e, ok = a.authorized[w]
	return e, false, ok
}

func (a *access) empty() bool { return len(a.authorized) == 0 && len(a.presenters) == 0 }
