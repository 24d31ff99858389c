package services

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"example.com/musicstream/internal/models"
	"example.com/musicstream/internal/repositories"
)

// RoyaltyCalculator turns a period's qualified streams into statements per
// rights holder.
type RoyaltyCalculator struct {
	playback        *PlaybackService
	royalties       *repositories.RoyaltyRepository
	microsPerStream int64
	log             *slog.Logger
}

// NewRoyaltyCalculator wires the royalty run. It needs the playback service
// for stream counts, which makes billing depend on playback.
func NewRoyaltyCalculator(playback *PlaybackService, royalties *repositories.RoyaltyRepository, microsPerStream int64, log *slog.Logger) *RoyaltyCalculator {
	return &RoyaltyCalculator{playback: playback, royalties: royalties, microsPerStream: microsPerStream, log: log}
}

// Run computes and stores the statements of [start, end).
func (c *RoyaltyCalculator) Run(ctx context.Context, start, end time.Time) ([]models.RoyaltyStatement, error) {
	if !end.After(start) {
		return nil, fmt.Errorf("royalty run: empty period %s..%s", start, end)
	}
	counts, err := c.playback.StreamCounts(ctx, start, end)
	if err != nil {
		return nil, fmt.Errorf("royalty run: %w", err)
	}
	ids := make([]int64, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	rights, err := c.royalties.TrackRights(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("royalty run: %w", err)
	}
	byHolder := map[string]*models.RoyaltyStatement{}
	for _, id := range ids {
		t, ok := rights[id]
		if !ok || t.RightsHolder == "" {
			c.log.Warn("stream of track without rights holder", "track_id", id)
			continue
		}
		st := byHolder[t.RightsHolder]
		if st == nil {
			st = &models.RoyaltyStatement{RightsHolder: t.RightsHolder, PeriodStart: start, PeriodEnd: end, Currency: "USD", Status: "draft", CreatedAt: time.Now().UTC()}
			byHolder[t.RightsHolder] = st
		}
		streams := counts[id]
		st.Streams += streams
		st.AmountMicros += royaltyAmount(streams, c.microsPerStream, t.RoyaltyRatePct, t.PublisherSplitPct, t.LicenseType)
	}
	holders := make([]string, 0, len(byHolder))
	for h := range byHolder {
		holders = append(holders, h)
	}
	sort.Strings(holders)
	out := make([]models.RoyaltyStatement, 0, len(holders))
	for _, h := range holders {
		out = append(out, *byHolder[h])
	}
	if err := c.royalties.SaveStatements(ctx, out); err != nil {
		return nil, fmt.Errorf("royalty run: %w", err)
	}
	return out, nil
}

// royaltyAmount is the payout of a track's streams: the per-stream rate
// scaled by the contract rate, minus the publisher's share, and halved for
// promotional licences.
func royaltyAmount(streams, microsPerStream int64, ratePct, publisherSplitPct float64, licenseType string) int64 {
	gross := float64(streams*microsPerStream) * ratePct / 100
	net := gross * (100 - publisherSplitPct) / 100
	if licenseType == "promotional" {
		net /= 2
	}
	return int64(net)
}
