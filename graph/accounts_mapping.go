package graph

import (
	"strconv"

	"riskconsole/graph/model"
	"riskconsole/internal/accounts"
	"riskconsole/internal/apperr"
	"riskconsole/internal/auth"
)

// Explicit mapping between the account service's values and the API's types.

func mapUser(u auth.User, err error) (*model.User, error) {
	if err != nil {
		return nil, err
	}
	return &model.User{ID: strconv.FormatInt(u.ID, 10), Username: u.Username, DisplayName: u.DisplayName,
		Roles: mapRoles(u.Roles), CreatedAt: u.CreatedAt, CreatedBy: u.CreatedBy, DisabledAt: u.DisabledAt}, nil
}

func mapAPIToken(t *auth.Token) *model.APIToken {
	return &model.APIToken{ID: strconv.FormatInt(t.ID, 10), Name: t.Name, Roles: mapRoles(t.Roles), CreatedAt: t.CreatedAt,
		CreatedBy: t.CreatedBy, ExpiresAt: t.ExpiresAt, LastUsedAt: t.LastUsedAt, RevokedAt: t.RevokedAt}
}

func mapOneAPIToken(t auth.Token, err error) (*model.APIToken, error) {
	if err != nil {
		return nil, err
	}
	return mapAPIToken(&t), nil
}

func mapCreatedAPIToken(t auth.Token, secret string, err error) (*model.CreatedAPIToken, error) {
	if err != nil {
		return nil, err
	}
	return &model.CreatedAPIToken{Token: mapAPIToken(&t), Secret: secret}, nil
}

func mapRoles(roles []auth.Role) []model.Role {
	out := make([]model.Role, len(roles))
	for i, r := range roles {
		out[i] = model.Role(r)
	}
	return out
}

func authRoles(roles []model.Role) []auth.Role {
	out := make([]auth.Role, len(roles))
	for i, r := range roles {
		out[i] = auth.Role(r)
	}
	return out
}

func mapUserPage(p accounts.UserPage, after *string, err error) (*model.UserConnection, error) {
	if err != nil {
		return nil, err
	}
	conn := &model.UserConnection{Nodes: make([]model.User, len(p.Users))}
	for i := range p.Users {
		u, _ := mapUser(p.Users[i], nil)
		conn.Nodes[i] = *u
	}
	conn.Edges, conn.PageInfo = edgesOf(p.Users, conn.Nodes, p.HasNext, after,
		func(u *auth.User) string { return accounts.UserCursor(u.ID) },
		func(c string, n *model.User) model.UserEdge { return model.UserEdge{Cursor: c, Node: n} })
	return conn, nil
}

func mapTokenPage(p accounts.TokenPage, after *string, err error) (*model.APITokenConnection, error) {
	if err != nil {
		return nil, err
	}
	conn := &model.APITokenConnection{Nodes: make([]model.APIToken, len(p.Tokens))}
	for i := range p.Tokens {
		conn.Nodes[i] = *mapAPIToken(&p.Tokens[i])
	}
	conn.Edges, conn.PageInfo = edgesOf(p.Tokens, conn.Nodes, p.HasNext, after,
		func(t *auth.Token) string { return accounts.TokenCursor(t.ID) },
		func(c string, n *model.APIToken) model.APITokenEdge { return model.APITokenEdge{Cursor: c, Node: n} })
	return conn, nil
}

// parseID reads an id argument; anything but a positive integer is a field error on field.
func parseID(field, id string) (int64, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return 0, &apperr.ValidationError{Fields: []apperr.FieldError{{Field: field, Message: "malformed id"}}}
	}
	return n, nil
}
