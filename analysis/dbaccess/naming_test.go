package dbaccess

import "testing"

// The expected names are what the libraries themselves produce (GORM's
// NamingStrategy{}, xorm's SnakeMapper, bun's default), quirks included.
func TestDefaultTableNames(t *testing.T) {
	tests := []struct {
		typ, gorm, xorm, bun string
	}{
		{"User", "users", "user", "users"},
		{"UserProfile", "user_profiles", "user_profile", "user_profiles"},
		{"APIKey", "api_keys", "a_p_i_key", "api_keys"},
		{"UserID", "user_ids", "user_i_d", "user_ids"},
		{"HTTPSLog", "http_s_logs", "h_t_t_p_s_log", "https_logs"},
		{"Person", "people", "person", "people"},
		{"SalesPerson", "sales_people", "sales_person", "sales_people"},
		{"Category", "categories", "category", "categories"},
		{"Address", "addresses", "address", "addresses"},
		{"Box", "boxes", "box", "boxes"},
		{"Status", "statuses", "status", "statuses"},
		{"Child", "children", "child", "children"},
		{"Information", "information", "information", "information"},
		{"Human", "humen", "human", "humen"},
		{"Leaf", "leafs", "leaf", "leafs"},
		{"Wolf", "wolves", "wolf", "wolves"},
		{"Knife", "knives", "knife", "knives"},
		{"Matrix", "matrices", "matrix", "matrices"},
		{"OAuth2Token", "o_auth2_tokens", "o_auth2_token", "o_auth2_tokens"},
		{"V2Order", "v2_orders", "v2_order", "v2_orders"},
		{"A", "as", "a", "as"},
	}
	for _, tt := range tests {
		if got := gormTableName(tt.typ); got != tt.gorm {
			t.Errorf("gorm(%s) = %q, want %q", tt.typ, got, tt.gorm)
		}
		if got := xormTableName(tt.typ); got != tt.xorm {
			t.Errorf("xorm(%s) = %q, want %q", tt.typ, got, tt.xorm)
		}
		if got := bunTableName(tt.typ); got != tt.bun {
			t.Errorf("bun(%s) = %q, want %q", tt.typ, got, tt.bun)
		}
	}
	if gormDBName("") != "" {
		t.Error("empty name")
	}
}

func TestLooksLikeSQL(t *testing.T) {
	tests := map[string]bool{
		"SELECT * FROM t":                      true,
		"  (select 1)":                         true,
		"-- name: X :one\nINSERT INTO t":       true,
		"/* hint */ update t set a = 1":        true,
		"WITH x AS (SELECT 1) SELECT * FROM x": true,
		"select-cache-key":                     false,
		"user:42":                              false,
		"selection":                            false,
		"-- only a comment":                    false,
		"":                                     false,
	}
	for in, want := range tests {
		if got := looksLikeSQL(in); got != want {
			t.Errorf("looksLikeSQL(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNormTable(t *testing.T) {
	tests := map[string]string{
		`"Users"`:         "users",
		"`orders`":        "orders",
		"public.accounts": "accounts",
		"audit.log":       "audit.log",
		"[dbo].[Items]":   "dbo.items",
		"users u":         "",
		"":                "",
		"  spaced  ":      "spaced",
		"fn(x)":           "",
	}
	for in, want := range tests {
		if got := normTable(in); got != want {
			t.Errorf("normTable(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDbxTableName pins ozzo-dbx's DefaultFieldMapFunc.
func TestDbxTableName(t *testing.T) {
	for in, want := range map[string]string{"Album": "album", "OrderItem": "order_item", "MyID": "my_id", "HTTPLog": "httplog", "user_Role": "user_role"} {
		if got := dbxTableName(in); got != want {
			t.Errorf("dbxTableName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExactTable: an exact name is kept whatever it holds; control
// characters are spelled as escapes, never dropped or passed raw.
func TestExactTable(t *testing.T) {
	for in, want := range map[string]string{
		`"Users"`:         "users",
		"public.orders":   "orders",
		`order items`:     "order items",
		"\"odd\nname\"":   `odd\nname`,
		"bell\x07":        `bell\u0007`,
		"  ":              "",
		"naïve\u0085name": `naïve\u0085name`,
	} {
		if got := exactTable(in); got != want {
			t.Errorf("exactTable(%q) = %q, want %q", in, got, want)
		}
	}
}
