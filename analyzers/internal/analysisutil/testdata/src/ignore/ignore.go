package ignore

func bad() {}

func calls() {
	bad() // want "call of bad"

	bad() //lambdalint:ignore notimeout the caller sets the deadline

	//lambdalint:ignore notimeout the queue retries it
	bad()

	//lambdalint:ignore notimeout,initwork the queue retries it
	bad()

	//lambdalint:ignore initwork nothing of initwork here
	bad() // want "call of bad"

	/* want "suppresses no notimeout finding" */ //lambdalint:ignore notimeout nothing is reported here
	_ = 1

	/* want "has no reason" */ //lambdalint:ignore notimeout
	bad()                      // want "call of bad"

	//lambdalint:ignore notimout the queue retries it
	bad() // want "call of bad"

	//lambdalint:ignore
	_ = 2

	//lambdalint:ignoreall is another word and not a directive
	bad() // want "call of bad"

	/* want "suppresses no notimeout finding" */ //lambdalint:ignore notimeout the directive covers the next line only

	bad() // want "call of bad"
}
