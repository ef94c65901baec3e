package testkit

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"
)

// ScaleEnv multiplies every limit of this package: on a slow or busy
// machine RTLVIEW_TEST_TIMEOUT_SCALE=5 gives up five times later.
const ScaleEnv = "RTLVIEW_TEST_TIMEOUT_SCALE"

// WaitLimit is how long PollUntil waits, before scaling, for something
// that takes well under a second on an idle machine: long enough that
// only a thing that never happens reaches it.
const WaitLimit = 2 * time.Minute

// Scaled is d times $RTLVIEW_TEST_TIMEOUT_SCALE (a positive number; 1
// when unset or not a number).
func Scaled(d time.Duration) time.Duration {
	s, err := strconv.ParseFloat(os.Getenv(ScaleEnv), 64)
	if err != nil || s <= 0 {
		s = 1
	}
	return time.Duration(float64(d) * s)
}

// PollUntil calls cond until it reports true, and returns the state it
// returned with it (a screen, a stream). It waits as little as the thing
// it waits for: it polls every few milliseconds at first, then every
// 100 ms. It gives up after WaitLimit, scaled, or a little before the
// test binary's -timeout, and fails the test with what and the last state.
func PollUntil(t testing.TB, what string, cond func() (string, bool)) string {
	t.Helper()
	limit := Scaled(WaitLimit)
	if tt, ok := t.(*testing.T); ok {
		if d, ok := tt.Deadline(); ok {
			limit = min(limit, beforeDeadline(d))
		}
	}
	giveUp := time.Now().Add(limit)
	pause := 5 * time.Millisecond
	for {
		state, ok := cond()
		if ok {
			return state
		}
		if time.Now().After(giveUp) {
			t.Fatalf("gave up waiting for %s after %v (a scale of %s gives more); last:\n%s", what, limit, ScaleEnv, state)
		}
		time.Sleep(pause)
		pause = min(2*pause, 100*time.Millisecond)
	}
}

// Context is the test's context, cancelled too a little before the test
// binary's -timeout (go test -timeout, 10 minutes by default) would stop
// it. A child process run with it is killed then, so that a hang is
// reported as a failure of the test that hangs, instead of a panic that
// leaves the child running. It sets no limit of its own.
func Context(t *testing.T) context.Context {
	d, ok := t.Deadline()
	if !ok {
		return t.Context()
	}
	ctx, cancel := context.WithTimeout(t.Context(), beforeDeadline(d))
	t.Cleanup(cancel)
	return ctx
}

// beforeDeadline is the time from now to a little before deadline: the
// last tenth of the time left, at most 30 s, is kept for reporting.
func beforeDeadline(deadline time.Time) time.Duration {
	left := time.Until(deadline)
	return left - min(left/10, 30*time.Second)
}
