package feed

// Lint is the feed linter, for the external tests in package feed_test
// (which may import packages that import feed, such as internal/regions).
var Lint = lint
