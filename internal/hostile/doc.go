// Package hostile holds the hardening tests of issue 8: malformed and
// hostile dossiers (testdata/malformed, testdata/inject), escape injection
// end to end (reader frames, `dossier check`, `dossier print`, the SSH
// server's logs and the bytes its clients receive), terminals of every size
// and colour profile, and hostile SSH clients. It has no code of its own:
// everything is in its tests, which drive the other packages through their
// exported API only.
//
// Every wait in these tests is bounded by a timeout that only fails a test
// that hangs (hangLimit); nothing is measured against the clock.
//
// The fuzz targets here (FuzzFrame, FuzzRender) keep their seed corpora and
// every crasher found under testdata/fuzz/. Run one by hand with e.g.
//
//	go test -run='^$' -fuzz=FuzzFrame -fuzztime=10m -parallel=1 ./internal/hostile
package hostile
