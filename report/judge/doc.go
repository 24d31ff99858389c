// Package judge turns facts and a decomposition into findings: the coupling
// that would keep candidate services from changing and shipping on their
// own. Shared tables (several contexts reading or writing one table) and
// oversized models (one struct whose fields every context uses a different
// subset of) are judged here, after clustering, because both are only
// defined relative to the contexts.
package judge
