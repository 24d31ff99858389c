package repositories

// QueryDueRenewals selects the active subscriptions whose period ends
// before $1, oldest first, at most $2 of them. The renewal job runs it
// directly so that it can stream rows without loading models.
const QueryDueRenewals = `SELECT s.id, s.user_id, s.plan_id, s.current_period_end
FROM subscriptions s
WHERE s.status = 'active' AND NOT s.cancel_at_period_end AND s.current_period_end < $1
ORDER BY s.current_period_end
LIMIT $2`
