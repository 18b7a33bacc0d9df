package dossier

// SetSerialLoad turns the preparser off (true) or on, for the benchmark
// that compares them; it returns a func that restores the old setting.
func SetSerialLoad(on bool) (restore func()) {
	old := serialLoad
	serialLoad = on
	return func() { serialLoad = old }
}
