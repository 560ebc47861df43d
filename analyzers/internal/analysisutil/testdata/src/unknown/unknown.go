package unknown

func bad() {}

// A directive that names no check of the suite is reported once, by
// the first check of the suite.
func calls() {
	/* want "names notimout, which is not a lambdalint check" */ //lambdalint:ignore notimout the queue retries it
	bad()                                                        // want "call of bad"

	/* want "names no check" */ //lambdalint:ignore
	_ = 2
}
