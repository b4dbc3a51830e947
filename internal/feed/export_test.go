package feed

// Lint is the feed linter, for the external tests in package feed_test
// (which may import packages that import feed, such as internal/regiondays).
var Lint = lint

// Clean is the control-character filter, for the golang-ical comparison.
var Clean = clean
