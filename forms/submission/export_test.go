package submission

// Golden and Pinned give the external tests (package submission_test, which
// may import packages that import this one) the golden-file helper and the
// pinned clock.
var (
	Golden = golden
	Pinned = pinned
)
