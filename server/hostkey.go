package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dossier-dev/dossier/internal/sanitize"
)

// DefaultHostKeyPath returns where the host key lives when --host-key is not
// given: $XDG_DATA_HOME/dossier/host_ed25519, or
// ~/.local/share/dossier/host_ed25519 when XDG_DATA_HOME is unset.
func DefaultHostKeyPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no data directory for the host key (set XDG_DATA_HOME or --host-key): %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "dossier", "host_ed25519"), nil
}

// loadHostKey reads the OpenSSH private key at path, or creates an ed25519
// key there (mode 0600, folder 0700) when the file does not exist. created
// reports whether the key is new. A key readable by others is refused, as
// sshd refuses it.
func loadHostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			// O_EXCL would say "file exists" of a link to nowhere
			to, _ := os.Readlink(path)
			return nil, false, fmt.Errorf("host key %s is a symbolic link to %s, which does not exist; "+
				"put the key there, remove the link, or give --host-key another file", sanitize.Line(path), sanitize.Line(to))
		}
		if err := createHostKey(path); err != nil {
			return nil, false, err
		}
		created = true
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, false, fmt.Errorf("host key %s: permissions %#o are too open; run chmod 600 %s", path, fi.Mode().Perm(), path)
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, created, nil
}

func createHostKey(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "dossier host key")
	if err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	// O_EXCL: two servers starting at once must not overwrite each other's key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("host key: %w", err)
	}
	if err := pem.Encode(f, block); err != nil {
		_ = f.Close()
		return fmt.Errorf("host key %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("host key %s: %w", path, err)
	}
	return nil
}

// Fingerprint returns the SHA256 fingerprint of a public key as OpenSSH
// prints it ("SHA256:…").
func Fingerprint(k gossh.PublicKey) string {
	return gossh.FingerprintSHA256(k)
}
