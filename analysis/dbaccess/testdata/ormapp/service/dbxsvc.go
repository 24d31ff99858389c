package service

import (
	dbx "github.com/go-ozzo/ozzo-dbx"
)

// Album has no TableName: ozzo-dbx snake-cases its name.
type Album struct{ ID int }

// TrackMeta names its table.
type TrackMeta struct{ ID int }

func (TrackMeta) TableName() string { return "track_metadata" }

// Dbx uses ozzo-dbx through its Builder interface.
func Dbx(b dbx.Builder, id int) {
	var a Album
	b.Select().Model(id, &a)       // want "read album"
	b.Model(&a).Insert()           // want "write album"
	b.Model(&TrackMeta{}).Update() // want "write track_metadata"
	b.Model(&a).Delete()           // want "write album"
	var n int
	b.Select("COUNT(*)").From("album").Row(&n) // want "read album"
	var all []Album
	b.Select().OrderBy("id").All(&all)                                 // want "read album"
	b.Select("a.*").From("album a").InnerJoin("artist", nil).All(&all) // want "read album" "read artist"
	b.Insert("audit", dbx.Params{"x": 1}).Execute()                    // want "write audit"
	b.Delete("sessions", nil).Execute()                                // want "write sessions"
	b.NewQuery("UPDATE counters SET n = n + 1").Execute()              // want "write counters"
	var t TrackMeta
	b.Select().One(&t) // want "read track_metadata"
}
