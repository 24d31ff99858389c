package mongo

import (
	"context"

	shipping "example.com/shipping"
	"example.com/shipping/internal/docstore"
)

type handlingEventRepository struct {
	coll docstore.Collection
}

// NewHandlingEventRepository returns an event repository on "handling_event".
func NewHandlingEventRepository(db docstore.Database) shipping.HandlingEventRepository {
	return &handlingEventRepository{coll: db.Collection("handling_event")}
}

func (r *handlingEventRepository) Store(e shipping.HandlingEvent) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return r.coll.InsertOne(ctx, e)
}

func (r *handlingEventRepository) QueryHandlingHistory(id shipping.TrackingID) shipping.HandlingHistory {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var h shipping.HandlingHistory
	cur, err := r.coll.Find(ctx, docstore.Filter{"tracking_id": string(id)})
	if err != nil {
		return h
	}
	defer cur.Close(ctx)
	for cur.Next(ctx) {
		var e shipping.HandlingEvent
		if cur.Decode(&e) == nil {
			h.Events = append(h.Events, e)
		}
	}
	return h
}
