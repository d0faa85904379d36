// One page of models written before numeric metrics existed (migration 0007): text trainingMetrics
// and no numeric metrics, after $after in URN order.
// params: $after, $limit
// returns: urn, trainingMetrics
MATCH (m:Model)
WHERE m.urn > $after AND m.trainingMetrics IS NOT NULL AND m.trainingMetrics <> '[]' AND (m.metrics IS NULL OR m.metrics = '[]')
RETURN m.urn AS urn, m.trainingMetrics AS trainingMetrics
ORDER BY urn
LIMIT $limit
