package synth

// domainWords name the domains. None of them may equal a layered top-level
// directory (models, repos, services, handlers, platform).
var domainWords = []string{
	"billing", "catalog", "checkout", "shipping", "inventory", "accounts", "payments", "reviews",
	"search", "pricing", "loyalty", "support", "analytics", "fraud", "media", "messaging",
	"partners", "returns", "taxes", "warehouse", "subscriptions", "identity", "compliance", "reporting",
	"advertising", "content", "scheduling", "vendors", "invoicing", "procurement", "payroll", "recruiting",
	"learning", "marketing", "campaigns", "surveys", "logistics", "fleet", "insurance", "lending",
	"treasury", "onboarding", "community", "events", "ticketing", "maintenance", "quality", "sourcing",
}

// featureNouns name features: package names, entity types and, with an
// "s" appended, tables. They avoid Go keywords, standard package names and
// the shared table names.
var featureNouns = []string{
	"account", "adjustment", "agreement", "alert", "allocation", "allowance", "approval", "asset",
	"assignment", "badge", "balance", "banner", "basket", "benefit", "bid", "bill",
	"booking", "bucket", "budget", "bundle", "campaign", "card", "cart", "certificate",
	"channel", "charge", "claim", "clause", "comment", "commission", "component", "condition",
	"connector", "contact", "contract", "coupon", "credit", "cycle", "deal", "debit",
	"deposit", "device", "discount", "document", "donation", "draft", "driver", "enrollment",
	"entitlement", "estimate", "exception", "expense", "feature", "fee", "forecast", "fulfillment",
	"goal", "grade", "guest", "hold", "incident", "installment", "instrument", "integration",
	"interval", "invoice", "item", "job", "journal", "kit", "lead", "lesson",
	"license", "listing", "loan", "location", "lot", "manifest", "margin", "meeting",
	"member", "mention", "merchant", "message", "meter", "milestone", "mission", "notice",
	"offer", "opening", "outcome", "page", "parcel", "partner", "payout", "penalty",
	"period", "permit", "phase", "pick", "plan", "player", "pledge", "point",
	"position", "post", "premium", "product", "profile", "program", "project", "promise",
	"proposal", "quote", "rate", "reading", "rebate", "receipt", "record", "referral",
	"refund", "reminder", "rental", "request", "reservation", "resource", "review", "reward",
	"rider", "route", "rule", "sample", "seat", "segment", "session", "shift",
	"shipment", "signal", "site", "slot", "snapshot", "stage", "statement", "station",
	"subscription", "survey", "task", "team", "tender", "term", "thread", "ticket",
	"timesheet", "topic", "tour", "track", "trade", "transfer", "trip", "upload",
	"visit", "voucher", "wallet", "warranty", "wave", "widget", "workflow", "zone",
}

// sharedTableNames are tables that several domains touch.
var sharedTableNames = []string{
	"users", "tenants", "audit_log", "settings", "outbox", "attachments",
	"tags", "currencies", "countries", "api_keys", "feature_flags", "webhooks",
}

// attrWords name the extra fields of entities.
var attrWords = []string{
	"Priority", "Region", "Channel", "Currency", "Discount", "Weight", "Height", "Width",
	"Depth", "Color", "Size", "Rating", "Source", "Locale", "Timezone", "Tier",
	"Quota", "Budget", "Margin", "Cost", "Price", "Tax", "Vendor", "Revision",
	"Checksum", "Label", "Remark", "External", "Legacy", "Archived", "Flagged", "Verified",
	"Approved", "Public", "Pinned", "Featured", "Rank", "Level", "Category", "Segment",
	"Country", "City", "Postal", "Phone", "Email", "Website", "Reference", "Code",
	"Version", "Language", "Duration", "Capacity", "Threshold", "Ratio", "Credit", "Ceiling",
	"Floor", "Origin", "Target", "Batch", "Carrier", "Warehouse", "Shelf", "Aisle",
	"Supplier", "Brand", "Model", "Serial", "Grade", "Class", "Group", "Team",
}
