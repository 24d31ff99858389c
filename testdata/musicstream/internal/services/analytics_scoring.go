package services

import "math"

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// trendingScore favours reach over repeat plays and punishes skips; the
// log keeps a viral day from burying everything else for a week.
func trendingScore(plays, listeners, skips int64) float64 {
	if plays == 0 {
		return 0
	}
	reach := math.Log1p(float64(listeners))
	engagement := 1 - ratio(skips, plays)
	return math.Round(reach*engagement*1000) / 1000
}
