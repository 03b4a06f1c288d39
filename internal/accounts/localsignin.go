package accounts

import (
	"context"
	"fmt"
	"strings"

	"riskconsole/internal/apperr"
	"riskconsole/internal/audit"
	"riskconsole/internal/auth"
	"riskconsole/internal/store"
)

// LocalSignInMode says who decides whether staff may sign in with a username and password
// (LOCAL_SIGN_IN).
type LocalSignInMode string

// Modes of local sign-in.
const (
	// LocalSignInSetting: an ADMIN decides, in the console (SetLocalSignIn); on until turned off.
	LocalSignInSetting LocalSignInMode = "setting"
	// LocalSignInOn: always on, whatever the setting: the break-glass for a day the identity
	// provider fails after an ADMIN turned passwords off.
	LocalSignInOn LocalSignInMode = "on"
	// LocalSignInOff: always off; staff sign in through the identity provider only.
	LocalSignInOff LocalSignInMode = "off"
)

// ParseLocalSignInMode parses "setting", "on" or "off" ("" is "setting").
func ParseLocalSignInMode(s string) (LocalSignInMode, error) {
	switch m := LocalSignInMode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return LocalSignInSetting, nil
	case LocalSignInSetting, LocalSignInOn, LocalSignInOff:
		return m, nil
	}
	return "", fmt.Errorf("LOCAL_SIGN_IN must be setting, on or off, not %q: %w", s, apperr.ErrInvalid)
}

// settingLocalSignIn is the setting's name in the settings table, and ActionSetLocalSignIn the
// audit action of its changes.
const (
	settingLocalSignIn   = "local_sign_in"
	ActionSetLocalSignIn = "setting.local_sign_in"
	entitySetting        = "setting"
)

// LocalSignIn reports whether staff may sign in with a username and password now.
func (s *Service) LocalSignIn(ctx context.Context) (bool, error) {
	switch s.localSignIn {
	case LocalSignInOn:
		return true, nil
	case LocalSignInOff:
		return false, nil
	}
	v, err := s.store.Setting(ctx, settingLocalSignIn, "on")
	return v != "off", err
}

// SetLocalSignIn turns sign-in with a password on or off, for an ADMIN, recorded with the
// value before and after. Only an ADMIN signed in through the identity provider may turn it off,
// so that at least one ADMIN is known to get in without a password. Under LOCAL_SIGN_IN=on or off
// the setting is fixed by the configuration: an INVALID error says so.
func (s *Service) SetLocalSignIn(ctx context.Context, on bool) error {
	p := auth.PrincipalFrom(ctx)
	if !p.IsUser() || !p.HasAny(auth.Admin) {
		return s.deny(ctx, p, "setLocalSignIn", "only an ADMIN may turn sign-in with a password on or off")
	}
	if s.localSignIn == LocalSignInOn || s.localSignIn == LocalSignInOff {
		return fieldError("enabled", fmt.Sprintf("LOCAL_SIGN_IN=%s fixes it in the server's configuration", s.localSignIn))
	}
	if !on && !strings.HasPrefix(string(p.Person()), "oidc:") {
		return fieldError("enabled", "sign in through the identity provider first: only then is it known that an ADMIN can get in without a password")
	}
	value := map[bool]string{true: "on", false: "off"}[on]
	return s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockAccounts(ctx); err != nil {
			return err
		}
		before, err := tx.Setting(ctx, settingLocalSignIn, "on")
		if err != nil {
			return err
		}
		if err := tx.SetSetting(ctx, settingLocalSignIn, value, s.clock(), p.Subject()); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, audit.NewEvent(ctx, ActionSetLocalSignIn, entitySetting, settingLocalSignIn,
			map[string]string{"value": before}, map[string]string{"value": value}, audit.Done))
	})
}
