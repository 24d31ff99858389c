package inmem

import (
	"time"

	shipping "example.com/shipping"
)

type voyageRepository struct {
	voyages []*shipping.Voyage
}

func movement(from, to shipping.UNLocode, dep, arr time.Time) shipping.CarrierMovement {
	return shipping.CarrierMovement{DepartureLocation: from, ArrivalLocation: to, DepartureTime: dep, ArrivalTime: arr}
}

// NewVoyageRepository returns a repository seeded with the sample schedule.
func NewVoyageRepository() shipping.VoyageRepository {
	day := func(d int) time.Time { return time.Date(2030, time.March, d, 8, 0, 0, 0, time.UTC) }
	return &voyageRepository{voyages: []*shipping.Voyage{
		{Number: "V100", Schedule: shipping.Schedule{CarrierMovements: []shipping.CarrierMovement{
			movement("SESTO", "DEHAM", day(1), day(3)), movement("DEHAM", "NLRTM", day(4), day(5)),
		}}},
		{Number: "V200", Schedule: shipping.Schedule{CarrierMovements: []shipping.CarrierMovement{
			movement("NLRTM", "USNYC", day(6), day(14)), movement("DEHAM", "CNSHA", day(5), day(28)),
		}}},
	}}
}

func (r *voyageRepository) Find(n shipping.VoyageNumber) (*shipping.Voyage, error) {
	for _, v := range r.voyages {
		if v.Number == n {
			return v, nil
		}
	}
	return nil, shipping.ErrUnknownVoyage
}

func (r *voyageRepository) FindAll() []*shipping.Voyage { return r.voyages }
