// Package catalog exercises every kind of field use.
package catalog

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"

	"example.com/basic/models"
)

// Uses shows reads, writes and the cases in between.
func Uses(t *models.Track, now time.Time) int {
	t.Plays++                    // want "write Track.Plays"
	t.Price += 10                // want "write Track.Price"
	t.Plays = t.Plays + 1        // want "write Track.Plays" "read Track.Plays"
	t.Title, t.Rating = "x", 1.5 // want "write Track.Title" "write Track.Rating"
	n := len(t.Tags)             // want "read Track.Tags"
	for _, tag := range t.Tags { // want "read Track.Tags"
		n += len(tag)
	}
	p := &t.Label // want "write Track.Label"
	*p = "y"
	fmt.Sprint(t.Meta.Lang) // want "read Track.Meta" "read Meta.Lang"
	return n
}

// Embedded records promoted fields on the outer struct and on the
// structs they come through.
func Embedded(t *models.Track, now time.Time) {
	t.CreatedAt = now              // want "write Track.CreatedAt" "write Audit.CreatedAt"
	t.By = "me"                    // want "write Track.By" "write Audit.By" "write Stamp.By"
	t.Audit.UpdatedAt = now        // want "read Track.Audit" "write Audit.UpdatedAt"
	_ = t.Audit.CreatedAt.IsZero() // want "read Track.Audit" "read Audit.CreatedAt"
	t.Touch(now)                   // a promoted method: no field use
	var s models.Song
	s.ID = 3 // want "write Song.ID"
	_ = s
}

// MethodValues are not field uses; calling a method of a field reads it.
func MethodValues(t models.Track) func() string {
	f := t.Display                       // a method value: no field use
	_ = t.CreatedAt.Format(time.RFC3339) // want "read Track.CreatedAt" "read Audit.CreatedAt"
	return f
}

// Literals writes through keyed, positional, nested and elided literals.
func Literals() []any {
	onlyInLiteral := models.Track{Rating: 4} // want "write Track.Rating"
	nested := &models.Track{
		Artist: &models.Artist{Name: "a"}, // want "write Track.Artist" "write Artist.Name"
		Meta:   models.Meta{Lang: "en"},   // want "write Track.Meta" "write Meta.Lang"
	}
	pos := models.Artist{1, "b"}                       // want "write Artist.ID" "write Artist.Name"
	list := []models.Artist{{Name: "c"}, {ID: 2}}      // want "write Artist.Name" "write Artist.ID"
	ptrs := []*models.Meta{{Lang: "de"}}               // want "write Meta.Lang"
	byKey := map[string]models.Meta{"k": {Lang: "fr"}} // want "write Meta.Lang"
	fmt.Println(nested.Title)                          // want "read Track.Title"
	return []any{onlyInLiteral, pos, list, ptrs, byKey}
}

// Whole hands whole objects to encoders, reflection, fmt and databases.
func Whole(db *gorm.DB, sdb *sql.DB, t models.Track, ts []models.Track) error {
	b, err := json.Marshal(t) // want "whole Track"
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &ts); err != nil { // want "whole Track"
		return err
	}
	_ = reflect.TypeOf(t.Meta)                                                 // want "read Track.Meta" "whole Meta"
	fmt.Printf("%v", t)                                                        // want "whole Track"
	db.Save(&t)                                                                // want "whole Track"
	db.Model(&models.Track{}).Where("id = ?", t.ID)                            // want "whole Track" "read Track.ID"
	row := sdb.QueryRow("SELECT title, plays FROM tracks WHERE id = $1", t.ID) // want "read Track.ID"
	return row.Scan(&t.Title, &t.Plays)                                        // want "write Track.Title" "write Track.Plays"
}

// Closures belong to the enclosing declaration.
func Closures(ts []models.Track) func() int {
	return func() int {
		return ts[0].Plays // want "read Track.Plays in catalog.Closures$"
	}
}

// Ambiguity shows that fields hidden by ambiguity are still reachable by path.
func Ambiguity(a models.Ambiguous) int64 {
	return a.Track.ID + a.Artist.ID // want "read Ambiguous.Track" "read Track.ID" "read Ambiguous.Artist" "read Artist.ID"
}

// Generic reads and writes fields of an instantiated generic struct.
func Generic(p *models.Page[models.Track]) int {
	p.Total = len(p.Items)                 // want "write Page.Total" "read Page.Items"
	q := models.Page[int]{Items: []int{1}} // want "write Page.Items"
	return q.Total + p.Items[0].Plays      // want "read Page.Total" "read Page.Items" "read Track.Plays"
}
