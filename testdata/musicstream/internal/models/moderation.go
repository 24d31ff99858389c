package models

import (
	"fmt"
	"strings"
)

// ModerationStatus is where a track stands in content review.
//
//go:generate stringer -type=ModerationStatus -trimprefix=Moderation
type ModerationStatus int

// Moderation states, in review order.
const (
	ModerationPending ModerationStatus = iota
	ModerationApproved
	ModerationFlagged
	ModerationRemoved
)

// ParseModerationStatus reads the names String produces, case-insensitively.
func ParseModerationStatus(s string) (ModerationStatus, error) {
	for st := ModerationPending; st <= ModerationRemoved; st++ {
		if strings.EqualFold(st.String(), strings.TrimSpace(s)) {
			return st, nil
		}
	}
	return 0, fmt.Errorf("unknown moderation status %q", s)
}
