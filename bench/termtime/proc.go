package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// procMemory reads a running process's peak resident set (VmHWM, in KiB)
// and its page faults so far (minor + major, from /proc/PID/stat). On a
// machine where memory is populated on first touch, the faults are what a
// start costs beyond its CPU time. Zero values mean /proc could not be read.
func procMemory(pid int) (peakKB, faults int) {
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				peakKB, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			}
		}
	}
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		// the command name (field 2) may hold spaces: count from the last ')'
		if i := bytes.LastIndexByte(b, ')'); i >= 0 {
			f := strings.Fields(string(b[i+1:]))
			// after ')': state(3) ppid pgrp session tty tpgid flags minflt(10) cminflt majflt(12)
			if len(f) > 9 {
				minflt, _ := strconv.Atoi(f[7])
				majflt, _ := strconv.Atoi(f[9])
				faults = minflt + majflt
			}
		}
	}
	return peakKB, faults
}
