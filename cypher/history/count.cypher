// totalCount of history(urn): how many change records the entity has.
// params: $urn
// returns: total
MATCH (c:Change {urn: $urn})
RETURN count(c) AS total
