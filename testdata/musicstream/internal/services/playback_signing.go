package services

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// targetLoudnessLUFS is the level volume normalisation aims for.
const targetLoudnessLUFS = -14.0

// regionAllowed reports whether a country may play a track whose regions
// column is a comma-separated list ("*" for worldwide).
func regionAllowed(regions, country string) bool {
	if regions == "" || regions == "*" {
		return true
	}
	if country == "" {
		return false
	}
	for _, r := range strings.Split(regions, ",") {
		if strings.EqualFold(strings.TrimSpace(r), country) {
			return true
		}
	}
	return false
}

// pickQuality maps the requested quality to what the plan and the master allow.
func pickQuality(requested string, hifi, hiRes bool, masterKbps int) (string, int) {
	switch {
	case requested == "lossless" && hifi && hiRes:
		return "lossless", max(masterKbps, 1411)
	case requested == "high" || requested == "lossless":
		return "high", 320
	case requested == "low":
		return "low", 96
	default:
		return "normal", 160
	}
}

// normalizationGain is the gain in dB that brings a track to the target loudness.
func normalizationGain(lufs float64) float64 {
	if lufs == 0 {
		return 0
	}
	return math.Round((targetLoudnessLUFS-lufs)*10) / 10
}

// signStreamURL returns a CDN URL with an expiry and an HMAC the edge checks.
func signStreamURL(base, storagePath, quality string, expires time.Time, key string) string {
	path := "/" + strings.TrimPrefix(storagePath, "/") + "/" + quality
	exp := strconv.FormatInt(expires.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(path + "|" + exp))
	q := url.Values{"exp": {exp}, "sig": {hex.EncodeToString(mac.Sum(nil))}}
	return strings.TrimSuffix(base, "/") + path + "?" + q.Encode()
}

// newStreamID returns a random stream session ID.
func newStreamID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
