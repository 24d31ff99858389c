// Package schema names tables in constants.
package schema

// LegacyTable is the table of models.Legacy.
const LegacyTable = "legacy_things"
