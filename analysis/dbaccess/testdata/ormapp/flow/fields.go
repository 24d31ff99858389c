package flow

import (
	"database/sql"

	"xorm.io/xorm"
)

// check carries its statements in fields of a literal.
type check struct {
	desc       string
	countSQL   string
	correctSQL string
}

// runChecks ranges over the checks by value, through xorm.
func runChecks(x *xorm.Engine, checks []check) {
	for _, c := range checks {
		x.Query(c.countSQL)
		x.Exec(c.correctSQL)
	}
}

// runCheck gets one by pointer.
func runCheck(db *sql.DB, c *check) { db.Query(c.countSQL) }

// correct gets one by value and hands it on: two helpers deep.
func correct(db *sql.DB, c check) { apply(db, c) }

func apply(db *sql.DB, c check) { db.Exec(c.correctSQL) }

// CheckStats writes the statements; the helpers run them.
func CheckStats(x *xorm.Engine, db *sql.DB) {
	runChecks(x, []check{
		{"stars", "SELECT COUNT(*) FROM star", "UPDATE repo SET num_stars = 0"}, // want "read star" "write repo"
		{
			desc:       "watches",
			countSQL:   "SELECT COUNT(*) FROM watch",      // want "read watch"
			correctSQL: "UPDATE repo SET num_watches = 0", // want "write repo"
		},
	})
	for _, c := range []*check{{countSQL: "SELECT id FROM follow"}} { // want "read follow"
		runCheck(db, c)
	}
	runCheck(db, &check{countSQL: "SELECT id FROM team_user"}) // want "read team_user"
	correct(db, check{correctSQL: "DELETE FROM team_repo"})    // want "write team_repo"
}
