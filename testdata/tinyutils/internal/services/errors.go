// Package services holds the forge's business rules, one service per domain.
package services

import "errors"

// ErrInvalid is returned when user input breaks a rule.
var ErrInvalid = errors.New("invalid input")

// ErrForbidden is returned when the actor may not perform the action.
var ErrForbidden = errors.New("forbidden")
